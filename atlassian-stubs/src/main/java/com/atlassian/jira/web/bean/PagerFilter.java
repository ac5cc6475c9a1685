// Checked against: reference/atlassian-platform.md §2 (PagerFilter.getUnlimitedFilter(), new PagerFilter(start, max)).
package com.atlassian.jira.web.bean;

public class PagerFilter<T> {
    private final int start;
    private final int max;

    public PagerFilter(int start, int max) {
        this.start = start;
        this.max = max;
    }

    public static PagerFilter getUnlimitedFilter() {
        return new PagerFilter(0, -1);
    }

    public int getStart() {
        return start;
    }

    public int getMax() {
        return max;
    }
}
