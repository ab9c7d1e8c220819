package dev.kioku.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the production fetcher refuses before connecting anywhere, and what it lets through. */
class RefusedAddressesTest {
    private final HttpFetcher fetcher = new HttpFetcher(false, Duration.ofSeconds(2));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.255.255.254:8080/x", "https://127.0.0.1/",
            "http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.255/",
            "http://192.168.0.1/", "http://192.168.255.255/", "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/", "http://100.127.255.255/", "http://224.0.0.1/", "http://239.255.255.250/",
            "http://0.0.0.0/", "http://0.1.2.3/", "http://255.255.255.255/", "http://192.0.0.170/",
            "http://[::1]/", "http://[::]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/", "http://localhost/", "http://localhost:8080/admin",
            "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
            "http://0x7f.1:8080/", "http://017700000001/", "http://127.0.0.1./"})
    void refusesAddressesOnThisMachineOrAPrivateNetwork(String url) {
        BlockedAddress e = assertThrows(BlockedAddress.class, () -> fetcher.get(URI.create(url), Map.of()));
        assertFalse(e.host().isEmpty(), e.getMessage());
        assertTrue(e.getMessage().contains(e.host()), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://example.com:70/_GET", "ftp://example.com/", "jar:file:/x.jar!/a",
            "//example.com/no-scheme", "http:///no-host", "http://user@example.com/", "http://example.com@127.0.0.1/"})
    void refusesOtherSchemesAndURLsWithoutAPlainHost(String url) {
        assertThrows(BlockedAddress.class, () -> fetcher.get(URI.create(url), Map.of()));
        assertThrows(BlockedAddress.class, () -> new HttpFetcher(true, Duration.ofSeconds(1)).get(URI.create(url), Map.of()));
    }

    @Test
    void theRefusalNamesTheHostAndWhyButNotTheQuery() {
        BlockedAddress e = assertThrows(BlockedAddress.class,
                () -> fetcher.get(URI.create("http://169.254.169.254/latest?api_key=s3cret"), Map.of()));
        assertEquals("refused 169.254.169.254: 169.254.169.254 is a link-local address (cloud metadata lives here)", e.getMessage());
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsPrivate() {
        HttpFetcher.Resolver dns = host -> new InetAddress[] {address("93.184.215.14"), address("127.0.0.1")};
        HttpFetcher mixed = new HttpFetcher(Duration.ofSeconds(1), dns, Addresses::refusal, (SSLSocketFactory) SSLSocketFactory.getDefault());
        BlockedAddress e = assertThrows(BlockedAddress.class, () -> mixed.get(URI.create("http://rebind.test/"), Map.of()));
        assertEquals("refused rebind.test: 127.0.0.1 is a loopback address", e.getMessage());
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAfterTheLookup() {
        HttpFetcher.Resolver dns = host -> new InetAddress[] {address("127.0.0.1")};
        HttpFetcher rebinding = new HttpFetcher(Duration.ofSeconds(1), dns, Addresses::refusal, (SSLSocketFactory) SSLSocketFactory.getDefault());
        BlockedAddress e = assertThrows(BlockedAddress.class, () -> rebinding.get(URI.create("http://www.example.com/"), Map.of()));
        assertEquals("refused www.example.com: 127.0.0.1 is a loopback address", e.getMessage());
        BlockedAddress local = assertThrows(BlockedAddress.class, () -> fetcher.get(URI.create("http://localhost/"), Map.of()));
        assertEquals("localhost", local.host());
        assertTrue(local.getMessage().contains("loopback"), local.getMessage());
    }

    @Test
    void aHostThatEndsInANumberButIsNoAddressIsNotLookedUp() {
        IOException e = assertThrows(IOException.class, () -> fetcher.get(URI.create("http://1.2.3.4.5/"), Map.of()));
        assertTrue(e instanceof UnknownHostException, e.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1",
            "169.255.0.1", "11.0.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8"})
    void publicAddressesPass(String literal) {
        assertEquals(Optional.empty(), Addresses.refusal(address(literal)));
    }

    @Test
    void numbersAreReadAsBrowsersReadThem() throws UnknownHostException {
        assertEquals("127.0.0.1", Addresses.numericHost("0x7f.1").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", Addresses.numericHost("0177.0.0.1").orElseThrow().getHostAddress());
        assertEquals("127.0.0.1", Addresses.numericHost("2130706433").orElseThrow().getHostAddress());
        assertEquals("10.1.0.2", Addresses.numericHost("10.1.2").orElseThrow().getHostAddress());
        assertEquals(Optional.empty(), Addresses.numericHost("example.com"));
        assertEquals(Optional.empty(), Addresses.numericHost("1.example"));
        assertThrows(UnknownHostException.class, () -> Addresses.numericHost("256.0.0.1"));
        assertThrows(UnknownHostException.class, () -> Addresses.numericHost("1.09"));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
