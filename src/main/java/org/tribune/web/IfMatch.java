package org.tribune.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.tribune.persistence.Precondition;

/** The If-Match header of every write, declared once for all of them and handed to services already parsed. */
public class IfMatch {

    @HeaderParam(HttpHeaders.IF_MATCH)
    @Parameter(description = "ETag of the version this change is based on; a stale one gets 412.")
    public String header;

    public Precondition precondition() {
        return Precondition.ifMatch(header);
    }
}
