package dev.unifiedcrm.api.http;

/** {@code --sandbox}: simulators of the three CRMs, demo accounts and a fresh token. */
final class SandboxMode implements AutoCloseable {

    static SandboxMode start(String host) {
        throw new UnsupportedOperationException("the sandbox is not built yet");
    }

    ServiceConfiguration configuration() {
        throw new UnsupportedOperationException("the sandbox is not built yet");
    }

    String banner(String address) {
        throw new UnsupportedOperationException("the sandbox is not built yet");
    }

    @Override
    public void close() {
    }
}
