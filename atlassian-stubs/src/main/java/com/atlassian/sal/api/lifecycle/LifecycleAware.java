// Checked against: https://docs.atlassian.com/sal-parent/3.0.0/apidocs/ (com.atlassian.sal.api.lifecycle.LifecycleAware:
// onStart(), onStop() since SAL 3.0). Signatures only.
package com.atlassian.sal.api.lifecycle;

public interface LifecycleAware {
    void onStart();

    void onStop();
}
