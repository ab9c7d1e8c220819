package dev.kioku.feeds;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287): the feed's id is its own URL, as WordPress has it; each entry has the item's stable id,
 * an alternate link, an author, a text summary and, in full-text feeds, the HTML content.
 */
final class AtomWriter {
    private AtomWriter() {
    }

    static com.rometools.rome.feed.atom.Feed feed(Feed feed) {
        var f = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        f.setEncoding("UTF-8");
        String self = FeedFormat.ATOM.url(feed.feedUrl());
        f.setId(self);
        f.setTitle(feed.title());
        f.setLanguage(feed.language());
        if (!feed.description().isBlank()) f.setSubtitle(text(Content.TEXT, feed.description()));
        f.setUpdated(Date.from(feed.updated()));
        f.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", feed.homeUrl()))));
        f.setOtherLinks(new ArrayList<>(List.of(link("self", FeedFormat.ATOM.mediaType(), self))));
        Generator g = new Generator();
        g.setValue("Kioku");
        f.setGenerator(g);
        f.setEntries(feed.items().stream().map(AtomWriter::entry).toList());
        return f;
    }

    private static Entry entry(Feed.Item it) {
        Entry e = new Entry();
        e.setId(it.id());
        e.setTitle(it.title());
        e.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", it.url()))));
        if (it.image() != null) {
            Link enclosure = link("enclosure", it.image().type(), it.image().url());
            enclosure.setLength(it.image().bytes());
            e.setOtherLinks(new ArrayList<>(List.of(enclosure)));
        }
        e.setPublished(Date.from(it.published()));
        e.setUpdated(Date.from(it.updated()));
        if (it.author() != null) {
            Person p = new Person();
            p.setName(it.author().name());
            if (it.author().url() != null) p.setUri(it.author().url());
            e.setAuthors(new ArrayList<SyndPerson>(List.of(p)));
        }
        if (it.summary() != null) e.setSummary(text(Content.TEXT, it.summary()));
        if (it.html() != null) e.setContents(new ArrayList<>(List.of(text(Content.HTML, it.html()))));
        e.setCategories(it.tags().stream().map(name -> {
            Category c = new Category();
            c.setTerm(name);
            return c;
        }).toList());
        return e;
    }

    private static Link link(String rel, String type, String href) {
        Link l = new Link();
        l.setRel(rel);
        l.setType(type);
        l.setHref(href);
        return l;
    }

    private static Content text(String type, String value) {
        Content c = new Content();
        c.setType(type);
        c.setValue(value);
        return c;
    }
}
