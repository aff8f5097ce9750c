package io.github.broadside.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a list page (a home page, a tag or category page) stands among the numbered pages its
 * campaigns are split into: page {@code number} of {@code count}, the first at {@code firstPath}
 * ({@code /}, {@code /es/}, {@code /tags/water/}) and the others at {@code firstPath + "page/N/"}.
 * Templates get it as {@code pager}; the links it offers are the first and last page and two on
 * either side of this one, so a page's navigation stays short on a site of any size.
 *
 * @param number    this page, from 1
 * @param count     how many pages the list has, at least 1
 * @param firstPath the site path of page 1
 */
public record Pager(int number, int count, String firstPath) {
    /** The folder under a list's first page that holds its other pages. */
    public static final String FOLDER = io.github.broadside.site.LanguageSite.PAGES_FOLDER;
    /** Pages shown on either side of the current one in {@link #links()}. */
    static final int AROUND = 2;

    public Pager {
        if (count < 1 || number < 1 || number > count) {
            throw new IllegalArgumentException("page " + number + " of " + count);
        }
        if (!firstPath.startsWith("/") || !firstPath.endsWith("/")) {
            throw new IllegalArgumentException("not a folder path: " + firstPath);
        }
    }

    /** How many pages {@code items} campaigns make at {@code pageSize} a page: at least one, even for none. */
    public static int count(int items, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }

    /** The campaigns of page {@code number} (from 1) of {@code items}. */
    public static <T> List<T> slice(List<T> items, int number, int pageSize) {
        int from = Math.min(items.size(), (number - 1) * pageSize);
        return items.subList(from, Math.min(items.size(), from + pageSize));
    }

    /** The site path of page {@code n} of a list whose first page is {@code firstPath}. */
    public static String pathOf(String firstPath, int n) {
        return n == 1 ? firstPath : firstPath + FOLDER + "/" + n + "/";
    }

    /** This page's site path. */
    public String path() {
        return pathOf(firstPath, number);
    }

    /** Whether there is more than one page, i.e. whether a page navigation is shown. */
    public boolean paged() {
        return count > 1;
    }

    /** The previous page's path, empty on the first page. */
    public String previous() {
        return number > 1 ? pathOf(firstPath, number - 1) : "";
    }

    /** The next page's path, empty on the last page. */
    public String next() {
        return number < count ? pathOf(firstPath, number + 1) : "";
    }

    /**
     * The pages the navigation links: the first, the last, and {@value #AROUND} on either side of
     * this one, in order, with a gap entry ({@link Link#gap()}) where numbers are left out.
     */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= count; n++) {
            if (n == 1 || n == count || Math.abs(n - number) <= AROUND) {
                if (last > 0 && n > last + 1) {
                    out.add(new Link(0, "", false, true));
                }
                out.add(new Link(n, pathOf(firstPath, n), n == number, false));
                last = n;
            } else if (n < number - AROUND) {
                n = number - AROUND - 1; // skip to the window (the loop adds one)
            } else {
                n = count - 1; // skip to the last page
            }
        }
        return out;
    }

    /**
     * One entry of the page navigation.
     *
     * @param number  the page number (0 for a gap)
     * @param path    its site path ("" for a gap)
     * @param current whether it is the page being shown
     * @param gap     whether it stands for pages left out
     */
    public record Link(int number, String path, boolean current, boolean gap) {
    }
}
