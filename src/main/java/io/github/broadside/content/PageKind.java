package io.github.broadside.content;

/** Whether a content file is a campaign (listed, with actions) or a plain page such as a privacy notice. */
public enum PageKind {
    CAMPAIGN, PAGE
}
