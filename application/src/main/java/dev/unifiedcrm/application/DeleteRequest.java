package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.LeadId;

/** A request that passed the checks before the provider call: its account, adapter, id, deadline and audit. */
record DeleteRequest(DeleteLeadCommand command, IntegratedAccount account, CrmAdapters.Registered registered,
                     LeadId leadId, Deadline deadline, AuditedCall audit) {
}
