// Checked against: https://docs.atlassian.com/sal-api/2.0.16-SNAPSHOT/com/atlassian/sal/api/transaction/TransactionCallback.html
// (generic <T> since SAL 2.x; see reference/atlassian-platform.md §1.5/§1.7). Signatures only.
package com.atlassian.sal.api.transaction;

public interface TransactionCallback<T> {
    T doInTransaction();
}
