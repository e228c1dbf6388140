package org.tribune.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void foldsAccentsApostrophesAndCase() {
        assertThat(Slugs.slugify("Citoyenneté d'honneur", "x")).isEqualTo("citoyennete-d-honneur");
        assertThat(Slugs.slugify("24ᵉ édition du Festival culturel du Tibet", "x"))
                .isEqualTo("24e-edition-du-festival-culturel-du-tibet");
        assertThat(Slugs.slugify("L’engagement de Paris : LGBTQIA+ !", "x")).isEqualTo("l-engagement-de-paris-lgbtqia");
        assertThat(Slugs.slugify("Cœur œuvre", "x")).isEqualTo("coeur-oeuvre");
    }

    @Test
    void fallsBackWhenNothingIsLeft() {
        assertThat(Slugs.slugify("!!! ???", "post")).isEqualTo("post");
        assertThat(Slugs.slugify("文章", "post")).isEqualTo("post");
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.slugify("mot ".repeat(100), "x");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH - 8);
        assertThat(slug).doesNotEndWith("-").endsWith("mot");
        assertThat(slug).matches(Slugs.PATTERN);
    }

    @Test
    void collisionsGetNumberSuffixes() {
        Set<String> taken = Set.of("paris", "paris-2");
        assertThat(Slugs.firstFree("paris", taken::contains)).isEqualTo("paris-3");
        assertThat(Slugs.firstFree("lyon", taken::contains)).isEqualTo("lyon");
    }

    @Test
    void slugPatternAcceptsOnlyLowerCaseWordsJoinedBySingleHyphens() {
        assertThat("droits-humains-2025").matches(Slugs.PATTERN);
        assertThat("Droits").doesNotMatch(Slugs.PATTERN);
        assertThat("a--b").doesNotMatch(Slugs.PATTERN);
        assertThat("-a").doesNotMatch(Slugs.PATTERN);
    }
}
