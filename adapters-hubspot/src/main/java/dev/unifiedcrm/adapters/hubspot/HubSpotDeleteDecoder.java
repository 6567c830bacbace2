package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;

/**
 * Judges HubSpot's answer to a delete. Any 2xx is the success (HubSpot sends 204 without a body,
 * also for a lead that does not exist: it cannot be told apart and is not tried); the deleted id is
 * the id sent. 4xx and 5xx are rejections; a 3xx breaks HubSpot's contract.
 */
final class HubSpotDeleteDecoder {

    private final HubSpotErrorDecoder errors;

    HubSpotDeleteDecoder(HubSpotErrorDecoder errors) {
        this.errors = errors;
    }

    /**
     * @throws dev.unifiedcrm.domain.ProviderRejection for a 4xx or 5xx
     * @throws ProviderContractBreach for any other answer that is not a 2xx
     */
    DeletedLead decode(ProviderAnswer answer, String sentId) {
        if (answer.isSuccess()) {
            return new DeletedLead(sentId, answer);
        }
        if (answer.status() >= 400) {
            throw errors.decode(answer);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                "HubSpot answered " + answer.status() + " to a delete; only a 2xx is a success and redirects are not followed");
    }
}
