package io.github.broadside.quality;

/**
 * The sample site as {@code broadside:serve} runs it: the same pages plus the local form sink, so a
 * signature really travels from the browser to a file and the live count moves.
 */
public interface LiveSite extends ServedSite {
    /** The sink's count for a campaign id such as {@code stop-unjust-raids}: {@code GET /_broadside/count/<id>}. */
    int count(String campaignId);
}
