package dev.unifiedcrm.adapters.salesforce;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.spi.CredentialStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceRefreshTokenRotationTest {

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow();
    private static final IntegratedAccountId OTHER = IntegratedAccountId.parse("8d2e4f60-1a3b-4c5d-9e7f-0a1b2c3d4e5f").orElseThrow();

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SalesforceRefreshTokenRotation.class);
    private final Map<IntegratedAccountId, String> kept = new HashMap<>();
    private final CredentialStore persistent = new CredentialStore() {
        @Override
        public Optional<String> refreshToken(IntegratedAccountId account) {
            return Optional.ofNullable(kept.get(account));
        }

        @Override
        public void saveRefreshToken(IntegratedAccountId account, String refreshToken) {
            kept.put(account, refreshToken);
        }

        @Override
        public boolean persistent() {
            return true;
        }
    };

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void everyRotationReachesTheStoreAndEachAccountIsWarnedAboutOnce() {
        var rotation = new SalesforceRefreshTokenRotation(persistent);

        rotation.saveRefreshToken(ACCOUNT, "5Aep8-5ecret-one");
        rotation.saveRefreshToken(ACCOUNT, "5Aep8-5ecret-two");
        rotation.saveRefreshToken(OTHER, "5Aep8-5ecret-three");

        assertThat(rotation.refreshToken(ACCOUNT)).contains("5Aep8-5ecret-two");
        assertThat(rotation.persistent()).isTrue();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("kept in the credential store", "credentials.refresh_token")
                        .doesNotContain("5ecret"))
                .anySatisfy(line -> assertThat(line).contains(ACCOUNT.toString()))
                .anySatisfy(line -> assertThat(line).contains(OTHER.toString()));
    }

    @Test
    void withoutAStoreTheWarningSaysARestartWillAnswer401() {
        new SalesforceRefreshTokenRotation(CredentialStore.NONE).saveRefreshToken(ACCOUNT, "5Aep8-5ecret-one");

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("from memory only", "restart will answer 401").doesNotContain("5ecret");
    }
}
