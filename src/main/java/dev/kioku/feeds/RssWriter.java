package dev.kioku.feeds;

import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 2.0 as WordPress writes it: {@code <description>} holds the excerpt (as HTML), {@code content:encoded}
 * the whole text when the feed carries it, {@code dc:creator} the author (RSS' own {@code <author>} wants an
 * email, which we never publish), and an {@code atom:link rel="self"}.
 */
final class RssWriter {
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssWriter() {
    }

    static Channel channel(Feed feed) {
        Channel c = new Channel("rss_2.0");
        c.setEncoding("UTF-8");
        c.setTitle(feed.title());
        c.setLink(feed.homeUrl());
        c.setDescription(feed.description().isBlank() ? feed.title() : feed.description());
        c.setLanguage(feed.language());
        c.setLastBuildDate(Date.from(feed.updated()));
        c.setGenerator("Kioku");
        Element self = new Element("link", ATOM);
        self.setAttribute("href", FeedFormat.RSS.url(feed.feedUrl()));
        self.setAttribute("rel", "self");
        self.setAttribute("type", FeedFormat.RSS.mediaType());
        c.setForeignMarkup(new ArrayList<>(List.of(self)));
        c.setItems(feed.items().stream().map(RssWriter::item).toList());
        return c;
    }

    private static Item item(Feed.Item it) {
        Item i = new Item();
        i.setTitle(it.title());
        i.setLink(it.url());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(it.id());
        i.setGuid(guid);
        i.setPubDate(Date.from(it.published()));
        Description d = new Description();
        d.setType("text/html");
        d.setValue(it.summary() != null ? FeedHtml.escape(it.summary()) : it.html());
        i.setDescription(d);
        if (it.summary() != null && it.html() != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(it.html());
            i.setContent(content);
        }
        i.setCategories(it.tags().stream().map(name -> {
            Category cat = new Category();
            cat.setValue(name);
            return cat;
        }).toList());
        if (it.image() != null) {
            Enclosure e = new Enclosure();
            e.setUrl(it.image().url());
            e.setType(it.image().type());
            e.setLength(it.image().bytes());
            i.setEnclosures(List.of(e));
        }
        if (it.author() != null) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreator(it.author().name());
            i.setModules(new ArrayList<Module>(List.of(dc)));
        }
        return i;
    }
}
