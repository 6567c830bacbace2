package dev.unifiedcrm.application;

/**
 * Deletes one lead in the CRM behind an integrated account, with the same outcomes whatever the CRM.
 * Its answer is a value: {@link UnifiedAnswers} renders it as the service's unified answer.
 */
@FunctionalInterface
public interface DeleteLeadUseCase {

    /**
     * Never throws for an expected outcome: bad input, unknown accounts, local limits and provider
     * failures are {@link DeleteLeadResult} cases. An exception means a defect (the HTTP service answers 500).
     */
    DeleteLeadResult deleteLead(DeleteLeadCommand command);
}
