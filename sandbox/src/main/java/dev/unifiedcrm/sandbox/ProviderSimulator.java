package dev.unifiedcrm.sandbox;

/** The behaviour of one simulated CRM, free of any HTTP server type. */
interface ProviderSimulator {

    /** Answers one request, whatever its method and path. Must be safe to call from many threads. */
    Reply handle(IncomingRequest request);

    /**
     * The provider's error answer for a status the HTTP server decided on by itself (a request it could not
     * parse, an unexpected failure).
     */
    Reply failure(int status);
}
