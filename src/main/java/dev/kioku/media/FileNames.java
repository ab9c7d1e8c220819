package dev.kioku.media;

import java.text.Normalizer;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Names of stored files: {@code <slug of the uploaded name>-<6 random characters>.<ext>}, so two uploads
 * of {@code IMG_0001.JPG} never collide and nobody can guess the next file's name.
 *
 * <p>Why plain ASCII when post slugs keep every script: these names end up on disks and object stores
 * that disagree about Unicode normalisation and case; {@code [a-z0-9-]} means the same file everywhere.
 * A name with no Latin letters or digits at all ({@code 写真.jpg}) becomes {@code image-…}.
 */
final class FileNames {
    private static final int MAX_STEM = 48;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private FileNames() {
    }

    /** The slug of an uploaded file name without its folder or extension; {@code image} when nothing is left. */
    static String stem(String uploadedName) {
        String name = uploadedName == null ? "" : uploadedName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_STEM) slug = slug.substring(0, MAX_STEM).replaceAll("-+$", "");
        return slug.isEmpty() ? "image" : slug;
    }

    /** Six random characters from {@code [a-z0-9]}. */
    static String suffix(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** The name of the copy {@code width} pixels wide: {@code fox-k3j9aa.jpg} → {@code fox-k3j9aa-480w.jpg}. */
    static String variant(String fileName, int width, String extension) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot < 0 ? fileName : fileName.substring(0, dot);
        return stem + "-" + width + "w." + extension;
    }
}
