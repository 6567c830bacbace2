package dev.unifiedcrm.application;

/**
 * Deletes one lead in the CRM behind an integrated account and answers in the unified shape,
 * with the same errors whatever the CRM (the API that the service's README documents).
 */
@FunctionalInterface
public interface DeleteLeadUseCase {

    /**
     * Never throws for anything the contract describes: bad input, unknown accounts and provider
     * failures are answers with their status. An exception means a defect (answer 500).
     */
    ApiResponse deleteLead(DeleteLeadCommand command);
}
