package io.socialdesk.core.approval;

import java.util.ArrayList;
import java.util.List;

/**
 * A small diff of two texts, by words or by characters (code points), through a longest common
 * subsequence after trimming the common prefix and suffix. Ranges are in UTF-16 code units of
 * the old and new texts, so a page can highlight exactly the character the author changed. When
 * the differing middle is too large for the quadratic table, it is reported as one deletion and
 * one insertion.
 */
public final class TextDiff {
    /** The largest (old tokens × new tokens) table the diff builds. */
    static final long MAX_CELLS = 4_000_000L;

    private TextDiff() {}

    public enum Op { EQUAL, DELETE, INSERT }

    /** A run of the diff: {@code text} is in the old text for EQUAL and DELETE ([oldStart, oldEnd)), in the new for INSERT ([newStart, newEnd)). */
    public record Segment(Op op, String text, int oldStart, int oldEnd, int newStart, int newEnd) {}

    public static List<Segment> words(String before, String after) {
        return diff(before, after, words(before), words(after));
    }

    public static List<Segment> chars(String before, String after) {
        return diff(before, after, codePoints(before), codePoints(after));
    }

    /** Token boundaries: runs of letters, digits and combining marks; runs of white space; any other code point alone. */
    static int[] words(String s) {
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int j = i + Character.charCount(cp);
            int cls = cls(cp);
            if (cls != 2) {
                while (j < s.length() && cls(s.codePointAt(j)) == cls) j += Character.charCount(s.codePointAt(j));
            }
            bounds.add(j);
            i = j;
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int cls(int cp) {
        if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK) return 0;
        if (Character.isWhitespace(cp)) return 1;
        return 2;
    }

    static int[] codePoints(String s) {
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        int i = 0;
        while (i < s.length()) {
            i += Character.charCount(s.codePointAt(i));
            bounds.add(i);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Segment> diff(String a, String b, int[] ab, int[] bb) {
        int n = ab.length - 1;
        int m = bb.length - 1;
        String[] x = new String[n];
        String[] y = new String[m];
        for (int i = 0; i < n; i++) x[i] = a.substring(ab[i], ab[i + 1]);
        for (int j = 0; j < m; j++) y[j] = b.substring(bb[j], bb[j + 1]);
        int prefix = 0;
        while (prefix < n && prefix < m && x[prefix].equals(y[prefix])) prefix++;
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix && x[n - 1 - suffix].equals(y[m - 1 - suffix])) suffix++;
        // Token-level operations: 0 equal (i, j), 1 delete i, 2 insert j.
        List<int[]> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) ops.add(new int[] {0, k, k});
        int n2 = n - prefix - suffix;
        int m2 = m - prefix - suffix;
        if ((long) n2 * m2 > MAX_CELLS) {
            for (int i = 0; i < n2; i++) ops.add(new int[] {1, prefix + i, -1});
            for (int j = 0; j < m2; j++) ops.add(new int[] {2, -1, prefix + j});
        } else {
            int[][] len = new int[n2 + 1][m2 + 1];
            for (int i = n2 - 1; i >= 0; i--) {
                for (int j = m2 - 1; j >= 0; j--) {
                    len[i][j] = x[prefix + i].equals(y[prefix + j]) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n2 || j < m2) {
                if (i < n2 && j < m2 && x[prefix + i].equals(y[prefix + j])) {
                    ops.add(new int[] {0, prefix + i++, prefix + j++});
                } else if (j < m2 && (i == n2 || len[i][j + 1] >= len[i + 1][j])) {
                    ops.add(new int[] {2, -1, prefix + j++});
                } else {
                    ops.add(new int[] {1, prefix + i++, -1});
                }
            }
        }
        for (int k = 0; k < suffix; k++) ops.add(new int[] {0, n - suffix + k, m - suffix + k});
        // Deletions before insertions within a changed stretch, then merge runs.
        List<Segment> out = new ArrayList<>();
        int oi = 0;
        int ni = 0;
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) {
                int start = k;
                while (k < ops.size() && ops.get(k)[0] == 0) k++;
                int o0 = ab[ops.get(start)[1]];
                int o1 = ab[ops.get(k - 1)[1] + 1];
                int n0 = bb[ops.get(start)[2]];
                int n1 = bb[ops.get(k - 1)[2] + 1];
                out.add(new Segment(Op.EQUAL, a.substring(o0, o1), o0, o1, n0, n1));
                oi = o1;
                ni = n1;
            } else {
                int start = k;
                while (k < ops.size() && ops.get(k)[0] != 0) k++;
                int o1 = oi;
                int n1 = ni;
                for (int q = start; q < k; q++) {
                    if (ops.get(q)[0] == 1) o1 = ab[ops.get(q)[1] + 1];
                    else n1 = bb[ops.get(q)[2] + 1];
                }
                if (o1 > oi) out.add(new Segment(Op.DELETE, a.substring(oi, o1), oi, o1, ni, ni));
                if (n1 > ni) out.add(new Segment(Op.INSERT, b.substring(ni, n1), o1, o1, ni, n1));
                oi = o1;
                ni = n1;
            }
        }
        return List.copyOf(out);
    }
}
