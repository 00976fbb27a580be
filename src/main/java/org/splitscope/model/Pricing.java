package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a node is paid for: by the hour of busy time, or per serverless invocation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DedicatedPricing.class, name = "dedicated"),
        @JsonSubTypes.Type(value = ServerlessPricing.class, name = "serverless")})
public sealed interface Pricing permits DedicatedPricing, ServerlessPricing {
    void validate(String path, Problems p);
}
