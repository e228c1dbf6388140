package org.tribune.demo;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tribune.account.AccountService;
import org.tribune.category.CategoryQuery;
import org.tribune.category.CategoryService;
import org.tribune.category.CategoryWrite;
import org.tribune.honor.AwardService;
import org.tribune.honor.AwardWrite;
import org.tribune.honor.Distinction;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.honor.HonoraryCitizenWrite;
import org.tribune.honor.PrizeService;
import org.tribune.honor.PrizeWrite;
import org.tribune.honor.Vote;
import org.tribune.media.MediaService;
import org.tribune.persistence.PageRequest;
import org.tribune.persistence.Precondition;
import org.tribune.post.PostListService;
import org.tribune.post.PostService;
import org.tribune.post.PostStatus;
import org.tribune.post.PostWrite;
import org.tribune.security.Caller;
import org.tribune.security.Callers;
import org.tribune.security.Roles;
import org.tribune.site.PermalinkPatterns;
import org.tribune.site.SiteService;
import org.tribune.site.SiteSettingsWrite;

/**
 * A demo "Droits humains" section, written for Tribune from the facts of a city councillor's page: categories,
 * twenty dated posts with galleries, the honorary citizens it names and the 2025 edition of the city's LGBTQIA+
 * prize. Loaded once, on a start with an empty database and tribune.demo=true, through the same services as the
 * API, as the first admin. The images are generated placeholders: no photo of a real person ships with Tribune.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final boolean enabled;
    private final Callers callers;
    private final AccountService accounts;
    private final CategoryService categories;
    private final PostService posts;
    private final PostListService postList;
    private final MediaService media;
    private final HonoraryCitizenService citizens;
    private final PrizeService prizes;
    private final AwardService awards;
    private final SiteService site;

    private final String dbKind;

    public DemoData(
            @ConfigProperty(name = "tribune.demo") boolean enabled,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            Callers callers,
            AccountService accounts,
            CategoryService categories,
            PostService posts,
            PostListService postList,
            MediaService media,
            HonoraryCitizenService citizens,
            PrizeService prizes,
            AwardService awards,
            SiteService site) {
        this.site = site;
        this.enabled = enabled;
        this.dbKind = dbKind;
        this.callers = callers;
        this.accounts = accounts;
        this.categories = categories;
        this.posts = posts;
        this.postList = postList;
        this.media = media;
        this.citizens = citizens;
        this.prizes = prizes;
        this.awards = awards;
    }

    /** Before anything is written, the first admin included: a production database never receives demo content. */
    void refuseOnProductionDatabase(@Observes @Priority(1) StartupEvent event) {
        if (enabled && !dbKind.equals("h2") && LaunchMode.current() == LaunchMode.NORMAL) {
            String reason = "TRIBUNE_DEMO=true is for the embedded H2 database only; set TRIBUNE_DEMO=false to run on "
                    + dbKind;
            LOG.error("Refusing to start: " + reason);
            throw new IllegalStateException(reason);
        }
    }

    /** After the first admin exists (FirstAdmin observes at the default priority). */
    void onStart(@Observes @Priority(3000) StartupEvent event) {
        if (enabled) {
            loadIfEmpty();
        }
    }

    /** Loads the demo when there is no category and no post yet; says whether it did. Safe to call again. */
    public boolean loadIfEmpty() {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            PageRequest one = new PageRequest(1, 1);
            boolean empty = categories
                                    .list(
                                            new CategoryQuery(null, false, null),
                                            CategoryService.SORTING.parse(null),
                                            one)
                                    .totalItems()
                            == 0
                    && postList.countAll() == 0;
            if (!empty) {
                return false;
            }
            UUID admin = accounts.idOf(AccountService.FIRST_ADMIN).orElseThrow();
            callers.runAs(new Caller(admin, Roles.ADMIN, null), () -> {
                load();
                return null;
            });
            LOG.info(
                    "Loaded the demo content (tribune.demo=true): 4 categories, 20 posts, 3 honorary citizens, 1 prize with 7 awards.");
            return true;
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private void load() {
        site.replace(
                new SiteSettingsWrite(
                        "Droits humains à Paris",
                        "Votes du Conseil de Paris, citoyennetés d'honneur et prix de la Ville pour les droits humains.",
                        "fr",
                        "Europe/Paris",
                        null,
                        "https://droits-humains.example.org",
                        new PermalinkPatterns(
                                "/{yyyy}/{mm}/{slug}",
                                "/rubriques/{slug}",
                                "/mots-cles/{slug}",
                                "/citoyens-d-honneur/{slug}",
                                "/prix/{slug}",
                                "/prix/{prize}/{year}#laureat-{id}")),
                Precondition.UNCONDITIONAL);
        UUID rights = categories
                .create(new CategoryWrite(
                        "Droits humains",
                        "droits-humains",
                        "Votes, rencontres et prises de position pour les droits fondamentaux, à Paris et dans le monde.",
                        null,
                        null))
                .id();
        UUID lgbt = categories
                .create(new CategoryWrite(
                        "Droits LGBTQIA+",
                        "droits-lgbtqia",
                        "Égalité et lutte contre les LGBTQIA+phobies.",
                        rights,
                        null))
                .id();
        UUID world = categories
                .create(new CategoryWrite(
                        "Solidarité internationale",
                        "solidarite-internationale",
                        "Soutien aux associations et aux personnes menacées hors de France.",
                        rights,
                        null))
                .id();
        UUID speech = categories
                .create(new CategoryWrite(
                        "Liberté d'expression",
                        "liberte-d-expression",
                        "Journalistes, écrivains et artistes empêchés de parler.",
                        rights,
                        null))
                .id();

        UUID kohler = citizen(
                "Cécile Kohler",
                "Enseignante française détenue arbitrairement en Iran depuis mai 2022.",
                "FR",
                "2025-05-27",
                Vote.unanimous,
                "Détenue en Iran depuis mai 2022");
        UUID paris = citizen(
                "Jacques Paris",
                "Enseignant à la retraite, détenu arbitrairement en Iran avec Cécile Kohler.",
                "FR",
                "2025-05-27",
                Vote.unanimous,
                "Détenu en Iran depuis mai 2022");
        UUID dalai = citizen(
                "Tenzin Gyatso, 14ᵉ Dalaï-Lama",
                "Chef spirituel tibétain, prix Nobel de la paix, en exil depuis 1959.",
                null,
                "2009-06-08",
                null,
                null);

        UUID prize = prizes.create(new PrizeWrite(
                        "Prix international LGBTQIA+ de la Ville de Paris",
                        "prix-international-lgbtqia",
                        "Décerné chaque année autour du 17 mai à des personnes qui défendent les droits des personnes LGBTQIA+,"
                                + " en France, dans l'espace francophone et dans le monde.",
                        // The order of the prize's page: the special prize first.
                        List.of("Prix spécial", "Prix français", "Prix francophone", "Prix international")))
                .id();
        UUID hidalgo = award(
                prize,
                "Prix spécial",
                Distinction.special_prize,
                "Anne Hidalgo",
                "Maire de Paris, distinguée à l'unanimité du jury",
                "FR");
        UUID bahanag = award(prize, "Prix français", Distinction.laureate, "Carine Bahanag", "Artiste féministe", "FR");
        award(prize, "Prix français", Distinction.special_mention, "Paulo Higgins", "Activiste trans", "FR");
        UUID belhedi = award(
                prize,
                "Prix francophone",
                Distinction.laureate,
                "Bouhdid Belhedi",
                "Directeur exécutif de l'association Shams, en Tunisie",
                "TN");
        award(
                prize,
                "Prix francophone",
                Distinction.special_mention,
                "Aimé Biombi Akiki",
                "Activiste trans au Cameroun",
                "CM");
        UUID radvanyi = award(
                prize,
                "Prix international",
                Distinction.laureate,
                "Viktória Radványi",
                "Présidente de la Budapest Pride",
                "HU");
        award(
                prize,
                "Prix international",
                Distinction.special_mention,
                "Yildiz Tar",
                "Journaliste trans en Turquie",
                "TR");

        int image = 0;
        for (Object[] p : POSTS) {
            int count = (Integer) p[5];
            List<UUID> gallery = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                gallery.add(placeholder(++image, (String) p[0]));
            }
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) p[6];
            List<UUID> postCitizens = new ArrayList<>();
            List<UUID> postAwards = new ArrayList<>();
            Map<String, UUID> byKey = Map.of("kohler", kohler, "paris", paris, "dalai", dalai);
            Map<String, UUID> awardByKey =
                    Map.of("hidalgo", hidalgo, "bahanag", bahanag, "belhedi", belhedi, "radvanyi", radvanyi);
            for (String key : links) {
                if (byKey.containsKey(key)) {
                    postCitizens.add(byKey.get(key));
                } else {
                    postAwards.add(awardByKey.get(key));
                }
            }
            UUID category = switch ((String) p[4]) {
                case "lgbt" -> lgbt;
                case "world" -> world;
                case "speech" -> speech;
                default -> rights;
            };
            List<UUID> filed = category.equals(rights) ? List.of(rights) : List.of(rights, category);
            posts.create(new PostWrite(
                    (String) p[0],
                    null,
                    (String) p[2],
                    (String) p[3],
                    "fr",
                    filed,
                    List.of("Conseil de Paris"),
                    Instant.parse(p[1] + "T09:00:00Z"),
                    PostStatus.published,
                    gallery.get(0),
                    gallery,
                    postCitizens,
                    postAwards,
                    null));
        }
    }

    private UUID citizen(String name, String description, String country, String date, Vote vote, String situation) {
        return citizens.create(new HonoraryCitizenWrite(
                        name,
                        null,
                        description,
                        country,
                        LocalDate.parse(date),
                        null,
                        vote,
                        "<p>" + description + "</p>",
                        situation,
                        null,
                        List.of(),
                        null))
                .id();
    }

    private UUID award(
            UUID prize, String category, Distinction distinction, String name, String description, String country) {
        return awards.create(new AwardWrite(
                        prize, 2025, category, distinction, name, description, country, null, null, List.of(), null))
                .id();
    }

    /** A generated illustration: a gradient, a few shapes and a label. */
    private UUID placeholder(int n, String about) {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float hue = (n * 0.137f) % 1f;
        g.setPaint(new GradientPaint(
                0,
                0,
                Color.getHSBColor(hue, 0.55f, 0.85f),
                1200,
                800,
                Color.getHSBColor((hue + 0.2f) % 1f, 0.6f, 0.45f)));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke(18));
        g.drawOval(150 + n * 23 % 300, 120, 420, 420);
        g.fillRoundRect(640, 300 + n * 17 % 200, 380, 220, 60, 60);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
        g.drawString("Tribune — illustration " + n, 60, 740);
        g.dispose();
        try {
            Path file = Files.createTempFile("tribune-demo-", ".jpg");
            try {
                ImageIO.write(image, "jpg", file.toFile());
                return media.upload(
                                file,
                                "illustration-" + n + ".jpg",
                                Files.size(file),
                                "Illustration de démonstration pour « " + about + " »",
                                null,
                                "Tribune (image générée)")
                        .id();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Title, date, excerpt (null: derived), content, category, number of images, linked records. */
    private static final Object[][] POSTS = {
        {
            "Quinze associations pour les libertés dans le monde soutenues par Paris",
            "2025-07-09",
            null,
            "<p>Le Conseil de Paris a voté une aide à quinze associations qui défendent les libertés fondamentales à l’étranger, dans une ville où fut adoptée la Déclaration universelle des droits de l’Homme en 1948.</p><ul><li>liberté de la presse en Birmanie ;</li><li>protection des défenseurs des droits humains ;</li><li>soutien aux minorités opprimées, dont les Ouïghours.</li></ul><p>La séance a aussi été l’occasion de redire notre soutien à Cécile Kohler et Jacques Paris.</p>",
            "world",
            1,
            List.of("kohler", "paris")
        },
        {
            "Paris contre les reculs des droits LGBTQIA+ dans le monde",
            "2025-07-08",
            null,
            "<p>Un vœu adopté en Conseil de Paris réaffirme l’engagement de la Ville face aux attaques contre les personnes LGBTQIA+, des États-Unis à la Hongrie, où la Marche des fiertés a été interdite.</p>",
            "lgbt",
            1,
            List.of()
        },
        {
            "Soutien total à Cécile Kohler et Jacques Paris",
            "2025-07-07",
            null,
            "<p>À l’ouverture de la séance, la Ville a rappelé son soutien à ses deux citoyens d’honneur, détenus en Iran depuis plus de trois ans, et rejeté les accusations portées contre eux.</p>",
            "world",
            2,
            List.of("kohler", "paris")
        },
        {
            "Un premier festival queer russe à Paris",
            "2025-06-29",
            null,
            "<p>Le premier festival queer russe organisé à Paris s’est achevé. Merci à l’association Russie-Libertés ; Paris reste une ville refuge pour celles et ceux que le régime de Moscou persécute.</p>",
            "lgbt",
            1,
            List.of()
        },
        {
            "Le Prix international LGBTQIA+ remis à Budapest",
            "2025-06-28",
            null,
            "<p>À Budapest, le prix de la Ville a été remis à Viktória Radványi, présidente de la Budapest Pride, saluée pour son courage et pour trente ans de mobilisation de son équipe.</p>",
            "lgbt",
            2,
            List.of("radvanyi")
        },
        {
            "Deux défenseurs des droits LGBTQIA+ du Brésil et du Gabon reçus à Paris",
            "2025-06-26",
            null,
            "<p>Marcos Torres et Frédéric Obiang, lauréats de l’initiative Marianne, ont rappelé que les progrès du droit ne suffisent pas quand violences et discriminations persistent.</p>",
            "lgbt",
            1,
            List.of()
        },
        {
            "Le Festival du Tibet et des peuples de l’Himalaya fête sa 24ᵉ édition",
            "2025-06-22",
            null,
            "<p>Dans le 12ᵉ arrondissement, le festival met en valeur les cultures tibétaine et himalayenne. Paris a fait du Dalaï-Lama un citoyen d’honneur et redit son soutien aux Ouïghours et aux habitants de Hong Kong.</p>",
            "world",
            1,
            List.of("dalai")
        },
        {
            "Merci aux équipes des 16 et 17 mai",
            "2025-06-20",
            null,
            "<p>Bal, conférence internationale, remise du prix et inauguration d’un mémorial : les services de la Ville ont fait de la Journée contre les LGBTQIA+phobies un succès.</p>",
            "lgbt",
            1,
            List.of()
        },
        {
            "Inquiétude pour Cécile Kohler et Jacques Paris",
            "2025-06-16",
            null,
            "<p>Avec la montée des tensions au Moyen-Orient, la sécurité de nos deux citoyens d’honneur détenus en Iran est plus menacée que jamais. La France doit redoubler d’efforts.</p>",
            "world",
            1,
            List.of("kohler", "paris")
        },
        {
            "Dix associations de défense des droits humains soutenues",
            "2025-06-12",
            null,
            "<p>Une délibération renouvelle l’aide de la Ville, pour 151 000 €, à dix associations : accueil des personnes exilées, soins aux victimes de la répression, droits des personnes détenues, lutte contre la traite.</p>",
            "world",
            1,
            List.of()
        },
        {
            "Solidarité avec l’écrivain Kamel Daoud",
            "2025-06-11",
            null,
            "<p>Le Conseil de Paris a exprimé son soutien au lauréat du prix Goncourt 2024, visé par des poursuites et deux mandats d’arrêt internationaux. Paris ne laissera pas faire taire les écrivains.</p>",
            "speech",
            1,
            List.of()
        },
        {
            "Pour un cessez-le-feu à Gaza",
            "2025-06-10",
            null,
            "<p>L’arrestation de la flottille humanitaire viole le droit international. La libération des otages est une exigence ; elle ne justifie pas d’affamer une population.</p>",
            "world",
            1,
            List.of()
        },
        {
            "Rencontre avec des militants tibétains",
            "2025-06-06",
            "Le moine Jamyang Jinpa et l’association Lhakar France ont décrit la gravité de la situation au Tibet.",
            "<p>Reçus à l’Hôtel de Ville, le moine Jamyang Jinpa et Céline Menguy, présidente de Lhakar France, ont témoigné de la répression au Tibet et de la scolarisation forcée d’enfants dans des internats.</p><p>Paris, qui a fait du Dalaï-Lama un citoyen d’honneur en 2009, restera aux côtés du peuple tibétain.</p>",
            "world",
            1,
            List.of("dalai")
        },
        {
            "Tian’anmen, trente-six ans après",
            "2025-06-04",
            null,
            "<p>En 1989, des manifestants pacifiques étaient réprimés dans le sang à Pékin. La répression continue de viser Tibétains, Ouïghours et habitants de Hong Kong.</p>",
            "world",
            5,
            List.of()
        },
        {
            "Les proches de Cécile Kohler et Jacques Paris reçus à l’Hôtel de Ville",
            "2025-05-28",
            null,
            "<p>À l’occasion du vote de la citoyenneté d’honneur, la Ville a accueilli les familles et salué leur courage. La mobilisation continuera jusqu’à leur retour.</p>",
            "world",
            1,
            List.of("kohler", "paris")
        },
        {
            "Citoyenneté d’honneur pour Cécile Kohler et Jacques Paris",
            "2025-05-27",
            null,
            "<p>Sur proposition de la Maire, le Conseil de Paris a voté à l’unanimité la citoyenneté d’honneur de Cécile Kohler et Jacques Paris, détenus en Iran. Un geste pour dire qu’ils ne sont pas oubliés.</p>",
            "world",
            1,
            List.of("kohler", "paris")
        },
        {
            "Rencontre avec la Fondation US-Russia",
            "2025-05-23",
            null,
            "<p>Échange avec Matthew Rojansky et Olga Prokopieva, de Russie-Libertés, sur l’autoritarisme croissant en Russie et le soutien aux démocrates russes.</p>",
            "world",
            1,
            List.of()
        },
        {
            "Conférence internationale sur les droits des personnes LGBTQIA+",
            "2025-05-19",
            null,
            "<p>Militantes, ambassadeur aux droits LGBT+ et sportifs ont analysé la montée des discours hostiles et présenté des initiatives pour l’inclusion au travail.</p>",
            "lgbt",
            1,
            List.of()
        },
        {
            "Un mémorial pour les victimes homosexuelles de la déportation",
            "2025-05-17",
            null,
            "<p>Au Jardin du Port de l’Arsenal, la Ville a inauguré le premier mémorial de France dédié aux victimes homosexuelles de la déportation et aux personnes LGBTQIA+ persécutées, œuvre de Jean-Luc Verna.</p>",
            "lgbt",
            3,
            List.of()
        },
        {
            "Remise du Prix international LGBTQIA+ 2025",
            "2025-05-16",
            null,
            "<p>Le prix 2025 distingue des personnes qui agissent pour les droits LGBTQIA+ en France, dans l’espace francophone et dans le monde. Un prix spécial a été décerné à la Maire de Paris.</p>",
            "lgbt",
            3,
            List.of("hidalgo", "bahanag", "belhedi", "radvanyi")
        },
    };
}
