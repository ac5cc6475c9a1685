package io.socialdesk.web.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * 400 for a body that is not the JSON we expect. Names the field when Jackson knows it, and never
 * echoes the parser's message, which can quote the request back.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            return Errors.json(400, new ErrorJson("Unknown field '" + field + "'", field, "unknown-field", null));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return Errors.json(400, new ErrorJson("The field '" + field + "' has the wrong type", field, "type", null));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Errors.json(400, new ErrorJson("The request body is not valid JSON" + where, "body", "json", null));
    }
}
