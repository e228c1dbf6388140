package org.tribune.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares two running sites, the old one and the one it was moved to; scripts/h2-to-postgresql.sh starts them,
 * moves the site with an archive, and runs this. Skipped in the plain test run, where there are no such sites.
 */
class MovedSiteMatchesTest {

    @Test
    void theMovedSiteServesEveryResourceRevisionAndFileOfTheOldOne() {
        String old = System.getProperty("tribune.compare.old");
        String moved = System.getProperty("tribune.compare.new");
        String token = System.getProperty("tribune.compare.token");
        Assumptions.assumeTrue(old != null && moved != null && token != null, "run by scripts/h2-to-postgresql.sh");

        Map<String, String> before =
                SiteSnapshot.take(() -> given().baseUri(old).auth().oauth2(token));
        Map<String, String> after =
                SiteSnapshot.take(() -> given().baseUri(moved).auth().oauth2(token));

        assertThat(SiteSnapshot.differences(before, after)).isEmpty();
        assertThat(before.keySet())
                .anyMatch(url -> url.contains("/revisions/"))
                .anyMatch(url -> url.contains("/file?size=large"))
                .anyMatch(url -> url.startsWith("/api/v1/honorary-citizens/"))
                .anyMatch(url -> url.startsWith("/api/v1/awards/"))
                .anyMatch(url -> url.startsWith("/api/v1/trash/posts"));
        System.out.printf("Compared %d resources and files%n", before.size());
    }
}
