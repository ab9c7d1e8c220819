package dev.kioku.comments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Avatar URLs with and without Gravatar, and the identicons behind them. */
class AvatarsTest {
    private final AtomicBoolean gravatarOn = new AtomicBoolean(false);
    private final Avatars avatars = new Avatars("https://blog.example", gravatarOn::get);

    @Test
    void withGravatarOffTheURLIsOurIdenticon() {
        assertEquals("/avatars/973dfe463ec85785f5f95af5ba3906ee.svg", avatars.url("test@example.com", "Tess"));
    }

    @Test
    void withGravatarOnTheURLIsGravatarsFallingBackToOurIdenticon() {
        gravatarOn.set(true);
        String url = avatars.url("test@example.com", "Tess");
        assertEquals("https://www.gravatar.com/avatar/973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b?s=80&d="
                + "https%3A%2F%2Fblog.example%2Favatars%2F973dfe463ec85785f5f95af5ba3906ee.png", url);
        assertEquals("https://blog.example/avatars/973dfe463ec85785f5f95af5ba3906ee.png",
                URLDecoder.decode(url.substring(url.indexOf("&d=") + 3), StandardCharsets.UTF_8));
    }

    @Test
    void withASiteSecretTheURLCannotBeRecomputedFromAGuessedAddress() {
        Avatars keyed = new Avatars("https://blog.example", () -> false, "site-secret");
        String url = keyed.url("test@example.com", "Tess");
        assertTrue(url.matches("/avatars/[0-9a-f]{32}\\.svg"), url);
        assertNotEquals(avatars.url("test@example.com", "Tess"), url);
        assertEquals(url, keyed.url(" Test@Example.com ", "Other"));
    }

    @Test
    void thePngTwinIsARealPng() {
        byte[] png = avatars.identiconPng("973dfe463ec85785f5f95af5ba3906ee");
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void theSettingIsAskedOnEveryCall() {
        String off = avatars.url("a@example.org", null);
        gravatarOn.set(true);
        assertTrue(avatars.url("a@example.org", null).startsWith("https://www.gravatar.com/"));
        gravatarOn.set(false);
        assertEquals(off, avatars.url("a@example.org", null));
    }

    @Test
    void noEmailAndAnEmailSpelledNullAreDifferentCommenters() {
        String byName = avatars.url(null, "Aiko");

        assertNotEquals(byName, avatars.url("null", "Aiko"), "a URL made before is not given to another commenter");
        assertEquals(byName, avatars.url(null, "Aiko"));
    }

    @Test
    void emailCaseAndSurroundingSpacesDoNotMatter() {
        gravatarOn.set(true);
        assertEquals(avatars.url("test@example.com", "A"), avatars.url("  Test@EXAMPLE.com\n", "B"));
    }

    @Test
    void differentEmailsGetDifferentURLsAndPictures() {
        String a = avatars.url("aiko@example.org", "Same Name");
        String b = avatars.url("ben@example.org", "Same Name");
        assertNotEquals(a, b);
        assertFalse(new String(identiconOf(a), StandardCharsets.UTF_8).equals(new String(identiconOf(b), StandardCharsets.UTF_8)));
    }

    @Test
    void theSameEmailAlwaysGetsTheSamePicture() {
        String url = avatars.url("aiko@example.org", null);
        assertArrayEquals(identiconOf(url), identiconOf(avatars.url("aiko@example.org", "Aiko")));
        assertArrayEquals(identiconOf(url), new Avatars("https://other.example/", () -> false).identicon(hashOf(url)));
    }

    @Test
    void withoutAnEmailTheNamePicksTheIdenticonEvenWithGravatarOn() {
        gravatarOn.set(true);
        assertEquals(avatars.url(null, "Aiko Mori"), avatars.url("  ", " aiko mori "));
        assertTrue(avatars.url(null, "Aiko Mori").matches("/avatars/[0-9a-f]{32}\\.svg"));
        assertNotEquals(avatars.url(null, "Aiko Mori"), avatars.url(null, "Ben"));
        assertTrue(avatars.url(null, null).matches("/avatars/[0-9a-f]{32}\\.svg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "973DFE463EC85785F5F95AF5BA3906EE", "973dfe463ec85785f5f95af5ba3906e", "973dfe463ec85785f5f95af5ba3906eef",
            "973dfe463ec85785f5f95af5ba3906eg", "../../../../etc/passwd.........."})
    void onlyA32DigitLowercaseHexHashDrawsAPicture(String hash) {
        assertThrows(IllegalArgumentException.class, () -> avatars.identicon(hash));
    }

    @Test
    void theIdenticonIsASmallStandaloneSvgWithoutScript() throws Exception {
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] svg = identiconOf(avatars.url("reader" + i + "@example.org", null));
            distinct.add(new String(svg, StandardCharsets.UTF_8));
            assertTrue(svg.length < 1200, "size " + svg.length);
            Element root = parse(svg).getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            assertTrue(root.getAttribute("viewBox").matches("0 0 \\d+ \\d+"));
            NodeList all = root.getElementsByTagName("*");
            for (int e = 0; e < all.getLength(); e++) {
                Element el = (Element) all.item(e);
                assertTrue(Set.of("rect", "path").contains(el.getLocalName()), el.getLocalName());
                for (int a = 0; a < el.getAttributes().getLength(); a++) {
                    String name = el.getAttributes().item(a).getNodeName();
                    assertFalse(name.toLowerCase().startsWith("on") || name.contains("href"), name);
                }
            }
        }
        assertEquals(200, distinct.size());
    }

    @Test
    void thePatternIsMirroredLeftToRight() throws Exception {
        byte[] svg = identiconOf(avatars.url("mirror@example.org", null));
        Element path = (Element) parse(svg).getElementsByTagName("path").item(0);
        Set<String> squares = new HashSet<>();
        for (String move : path.getAttribute("d").split("M")) if (!move.isEmpty()) squares.add(move.substring(0, move.indexOf('h')));
        for (String square : squares) {
            String[] xy = square.split(" ");
            int mirroredX = 12 - 2 - Integer.parseInt(xy[0]);
            assertTrue(squares.contains(mirroredX + " " + xy[1]), square + " in " + squares);
        }
    }

    private byte[] identiconOf(String url) {
        return avatars.identicon(hashOf(url));
    }

    private static String hashOf(String url) {
        int start = url.lastIndexOf("avatars") + "avatars/".length();
        if (url.contains("%2Favatars%2F")) start = url.lastIndexOf("%2Favatars%2F") + "%2Favatars%2F".length();
        return url.substring(start, start + 32);
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }
}
