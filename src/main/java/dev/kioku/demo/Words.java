package dev.kioku.demo;

import java.util.List;
import java.util.Random;

/** Made-up English for {@link GeneratedBlog}: every choice comes from the caller's {@link Random}, so a seed repeats it. */
final class Words {
    static final List<String> ADJECTIVES = List.of("quiet", "small", "old", "borrowed", "forgotten", "careful", "slow", "bright",
            "patient", "unfinished", "paper", "wooden", "late", "early", "second", "honest", "winter", "summer", "long", "narrow");
    static final List<String> NOUNS = List.of("notebook", "garden", "kitchen", "bridge", "library", "window", "letter", "river",
            "staircase", "map", "lantern", "harbour", "journal", "orchard", "station", "workshop", "attic", "pencil", "clock", "room");
    static final List<String> TOPICS = List.of("memory", "habits", "reading", "walking", "writing", "cooking", "silence",
            "maps", "mornings", "tools", "drafts", "archives", "sketching", "gardening", "listening", "travel");
    static final List<String> TAGS = List.of("Memory", "Notebooks", "Walking", "Reading", "Writing", "Photography", "Cooking",
            "Travel", "Tools", "Gardening", "Sketching", "Letters", "Music", "Maps", "Habits", "Archives", "Weather", "Trains",
            "Libraries", "Rivers", "Bicycles", "Tea", "Typewriters", "Birds", "Kitchens", "Winter", "Summer", "Islands",
            "Bridges", "Lighthouses", "Markets", "Clocks", "Paper", "Ink", "Languages", "Poetry", "Mathematics", "Stars",
            "Harbours", "Workshops");
    static final List<String> NAMES = List.of("Ren Takahashi", "Mina Park", "Lucas Moreau", "Ada Lindqvist", "Omar Haddad",
            "Priya Nair", "Tomás Ruiz", "Hanna Berg", "Kofi Mensah", "Yuki Sato", "Elif Demir", "Noah Fischer", "Zara Khan",
            "Ines Costa", "Felix Wagner", "Leila Rahimi");
    private static final List<String> VERBS = List.of("keeps", "remembers", "holds", "carries", "shapes", "changes", "hides",
            "opens", "measures", "teaches", "follows", "returns to", "maps", "lights", "frames");
    private static final List<String> CONNECTORS = List.of("and", "without", "after", "beyond", "against", "before", "under");

    private Words() {
    }

    static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    static String title(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> cap(pick(random, ADJECTIVES)) + " " + pick(random, NOUNS) + "s " + pick(random, CONNECTORS) + " " + pick(random, TOPICS);
            case 1 -> "On " + pick(random, TOPICS) + " and the " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            case 2 -> "What the " + pick(random, NOUNS) + " " + pick(random, VERBS) + " about " + pick(random, TOPICS);
            default -> "Notes from the " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        };
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        s.append("The ").append(pick(random, ADJECTIVES)).append(' ').append(pick(random, NOUNS)).append(' ')
                .append(pick(random, VERBS)).append(' ').append(pick(random, TOPICS));
        int clauses = random.nextInt(3);
        for (int i = 0; i < clauses; i++) {
            s.append(' ').append(pick(random, CONNECTORS)).append(" the ").append(pick(random, ADJECTIVES)).append(' ')
                    .append(pick(random, NOUNS));
        }
        return s.append('.').toString();
    }

    private static String paragraph(Random random, int sentences) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            String sentence = sentence(random);
            if (random.nextInt(10) == 0) sentence = "*" + sentence.substring(0, sentence.length() - 1) + "*.";
            p.append(i == 0 ? "" : " ").append(sentence);
        }
        return p.toString();
    }

    /** One paragraph of four to eight sentences. */
    static String paragraph(Random random) {
        return paragraph(random, 4 + random.nextInt(5));
    }

    static String heading(Random random) {
        return "## " + cap(pick(random, TOPICS)) + " and " + pick(random, NOUNS) + "s";
    }

    static String list(Random random) {
        StringBuilder md = new StringBuilder();
        for (int k = 0; k < 3; k++) md.append(k == 0 ? "" : "\n").append("- ").append(cap(pick(random, ADJECTIVES))).append(' ').append(pick(random, NOUNS));
        return md.toString();
    }

    static String quote(Random random) {
        return "> " + sentence(random) + " More on [" + pick(random, TOPICS) + "](https://example.org/" + pick(random, TOPICS) + ").";
    }

    static String commentBody(Random random) {
        return paragraph(random, 1 + random.nextInt(3));
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
