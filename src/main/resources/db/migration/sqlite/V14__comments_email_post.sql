-- "You have already said that" looks for the same text from the same address on the same post before each new
-- comment is stored. Through comments_thread (post_id, ...) that read every comment of the post, and a lively
-- post holds thousands; by address and post it reads the writer's few comments there.
create index comments_email_post on comments (author_email, post_id);
