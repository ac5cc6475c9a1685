// Checked against: OSWorkflow 2.8 javadoc, com.opensymphony.workflow.InvalidInputException, and
// reference/atlassian-platform.md §2 ("Throw new InvalidInputException("msg") or new InvalidInputException(fieldId, msg)").
// Kept as data (the errors a validator reports) so adapters can be tested; no behaviour beyond storing them.
package com.opensymphony.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class InvalidInputException extends WorkflowException {
    private final List<String> genericErrors = new ArrayList<>();
    private final Map<String, String> errors = new HashMap<>();

    public InvalidInputException() {}

    public InvalidInputException(String error) {
        super(error);
        genericErrors.add(error);
    }

    public InvalidInputException(String field, String error) {
        super(field + ": " + error);
        errors.put(field, error);
    }

    public void addError(String error) { genericErrors.add(error); }

    public void addError(String field, String error) { errors.put(field, error); }

    public Map<String, String> getErrors() { return errors; }

    public List<String> getGenericErrors() { return genericErrors; }
}
