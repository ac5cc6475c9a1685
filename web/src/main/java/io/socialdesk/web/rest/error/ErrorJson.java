package io.socialdesk.web.rest.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialdesk.core.problem.FieldProblem;
import java.util.List;

/**
 * Every error answer of the REST API: {@code error} is a sentence for a person; {@code field} and
 * {@code rule} name what to fix when one field is at fault; {@code problems} lists them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorJson(String error, String field, String rule, List<FieldProblem> problems) {
    public static ErrorJson of(String error) {
        return new ErrorJson(error, null, null, null);
    }
}
