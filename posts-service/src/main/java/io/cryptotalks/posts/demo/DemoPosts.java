package io.cryptotalks.posts.demo;

import io.cryptotalks.posts.comments.Comments;
import io.cryptotalks.posts.post.Posts;
import io.cryptotalks.posts.ratings.Votes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The original's six demo posts (contract §3.11: three by JohnDoe dated 2022-01-01, 2022-02-02 and 2022-03-03, one by
 * MilyKotek, two by TopWiedzmin1337), each with comments and votes by the three demo accounts (the users-service's
 * {@code DemoAccounts}), written once into an empty {@code posts} table when {@code DEMO_DATA=true}. They go through
 * the same writes as the events, so counters, tags, search vectors and {@code applied_writes} agree with the rows.
 * Ids are fixed (name-based), so every instance would write the same posts; an advisory lock lets one of them do it.
 * They are written once the beans exist and before the Kafka listeners start (not as an ApplicationRunner, which runs
 * after them): after a rebuild empties the tables, the demo posts are there again before the log's events on them
 * (comments, votes, a deletion) replay, as they were the first time.
 */
@Component
@ConditionalOnProperty(name = "cryptotalks.demo-data", havingValue = "true")
class DemoPosts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoPosts.class);

    /** pg_advisory_xact_lock key of the seeding ("posts" in ASCII). */
    private static final long LOCK = 0x706f737473L;

    static final Author JOHN = new Author(UUID.fromString("8a08eaf1-c7a8-403b-b1ce-1fef8e34d000"), "JohnDoe");
    static final Author MILY = new Author(UUID.fromString("186f0ff4-1444-4637-9be3-8c0abc168ba2"), "MilyKotek");
    static final Author GERALT = new Author(UUID.fromString("77c93fdf-8a06-483c-8d89-2f5c71d029ed"), "TopWiedzmin1337");

    static final List<DemoPost> POSTS = List.of(
            new DemoPost(
                    JOHN,
                    Instant.parse("2022-01-01T10:00:00Z"),
                    "What is Bitcoin and how does it work?",
                    "A plain-language tour of Bitcoin: blocks, miners, keys and why nobody can print more of it.",
                    List.of("bitcoin", "blockchain"),
                    List.of(
                            "# What is Bitcoin?",
                            "Bitcoin is a **peer-to-peer electronic cash system**: a ledger that thousands of computers "
                                    + "keep in sync without a bank in the middle.",
                            "## Blocks and miners",
                            "Transactions are bundled into *blocks* roughly every ten minutes. Miners compete to find a "
                                    + "hash below the network's target; the winner appends the block and earns the "
                                    + "block reward plus the fees.",
                            "## Keys, not accounts",
                            "- your **private key** signs transactions\n- your **address** is derived from the public "
                                    + "key\n- lose the key and the coins are gone for good",
                            "## Fixed supply",
                            "There will never be more than **21 million** BTC. The reward halves every 210,000 blocks, "
                                    + "which is why people call it *digital gold*."),
                    List.of(new DemoComment(
                            MILY,
                            "Great intro! The part about keys finally made it click for me.",
                            List.of(new DemoVote(JOHN, "+"), new DemoVote(GERALT, "+")))),
                    List.of(new DemoVote(MILY, "+"), new DemoVote(GERALT, "+"))),
            new DemoPost(
                    JOHN,
                    Instant.parse("2022-02-02T10:00:00Z"),
                    "Ethereum smart contracts for beginners",
                    "What a smart contract is, what gas pays for, and a first contract in twenty lines of Solidity.",
                    List.of("ethereum", "smart-contracts"),
                    List.of(
                            "# Smart contracts, briefly",
                            "A smart contract is a program stored **on the Ethereum blockchain**. Anyone can call it, "
                                    + "and nobody can change it once it is deployed.",
                            "## Gas",
                            "Every instruction costs *gas*, paid in ETH. Gas keeps infinite loops off the network and "
                                    + "pays validators for their work.",
                            "## A first contract",
                            "```solidity\ncontract Counter {\n    uint256 public count;\n\n    function increment() "
                                    + "external {\n        count += 1;\n    }\n}\n```",
                            "Deploy it on a testnet first: mistakes on mainnet are permanent and expensive."),
                    List.of(new DemoComment(
                            GERALT,
                            "Worth adding: always get a contract audited before it holds " + "real money.",
                            List.of(new DemoVote(JOHN, "+")))),
                    List.of(new DemoVote(GERALT, "+"), new DemoVote(MILY, "-"))),
            new DemoPost(
                    JOHN,
                    Instant.parse("2022-03-03T10:00:00Z"),
                    "Web3 and Decentralized Applications: The Future of the Internet?",
                    "Web3 promises an internet owned by its users. Where dApps already deliver, and where they don't.",
                    List.of("web3", "dapps"),
                    List.of(
                            "# Web3 and decentralized applications",
                            "Web1 was read-only, Web2 is read-write on platforms someone else owns. **Web3** adds "
                                    + "*ownership*: your wallet is your login and your assets move with you.",
                            "## Where dApps work today",
                            "1. decentralized exchanges (swap tokens without a broker)\n2. lending protocols\n3. "
                                    + "NFT marketplaces",
                            "## Where they struggle",
                            "Fees, clunky wallets and irreversible mistakes still keep most people away. The future "
                                    + "depends on making self-custody as easy as a password reset."),
                    List.of(new DemoComment(
                            MILY,
                            "I'm sceptical: most dApps still run their front-end on AWS.",
                            List.of(new DemoVote(GERALT, "+"), new DemoVote(JOHN, "-")))),
                    List.of(new DemoVote(MILY, "+"))),
            new DemoPost(
                    MILY,
                    Instant.parse("2022-03-15T10:00:00Z"),
                    "Stablecoins compared: USDT, USDC and DAI",
                    "Three dollar-pegged coins, three ways of holding the peg: reserves, audits and over-collateral.",
                    List.of("stablecoins", "usdt"),
                    List.of(
                            "# Stablecoins compared",
                            "A stablecoin tries to stay worth exactly **1 USD**. How it does that matters more than the "
                                    + "ticker.",
                            "| coin | backed by | issuer |\n|---|---|---|\n| USDT | reserves (cash, bills, other) | "
                                    + "Tether |\n| USDC | cash and short-term treasuries | Circle |\n| DAI | "
                                    + "over-collateralised crypto | MakerDAO |",
                            "Custodial coins depend on their issuer's honesty; DAI depends on its collateral surviving a "
                                    + "crash. Neither risk is zero."),
                    List.of(new DemoComment(
                            JOHN,
                            "Nice table. USDT's reserve reports are worth a read.",
                            List.of(new DemoVote(MILY, "+")))),
                    List.of(new DemoVote(JOHN, "+"), new DemoVote(GERALT, "+"))),
            new DemoPost(
                    GERALT,
                    Instant.parse("2022-04-04T10:00:00Z"),
                    "How to keep your crypto safe: wallets and seed phrases",
                    "Hot wallets, hardware wallets and the twelve words you must never type into a website.",
                    List.of("security", "wallets"),
                    List.of(
                            "# Keeping your crypto safe",
                            "Not your keys, not your coins. But your keys, your responsibility.",
                            "## Pick the right wallet",
                            "- **hot wallet** (app, browser extension): convenient, for small amounts\n- **hardware "
                                    + "wallet**: keys never leave the device, for savings",
                            "## The seed phrase",
                            "Write it on paper or steel, keep two copies in different places, and **never** type it "
                                    + "into a website, a chat or a \"support\" form. Nobody legitimate will ever ask "
                                    + "for it."),
                    List.of(new DemoComment(
                            JOHN,
                            "The steel backup tip is underrated. Paper burns.",
                            List.of(new DemoVote(GERALT, "+"), new DemoVote(MILY, "+")))),
                    List.of(new DemoVote(JOHN, "+"), new DemoVote(MILY, "+"))),
            new DemoPost(
                    GERALT,
                    Instant.parse("2022-05-05T10:00:00Z"),
                    "Polygon (MATIC) and layer-2 scaling",
                    "Why Ethereum needs layer 2, and how Polygon makes transactions cost cents instead of dollars.",
                    List.of("polygon", "layer-2", "ethereum"),
                    List.of(
                            "# Polygon and layer-2 scaling",
                            "Ethereum mainnet handles roughly **15 transactions per second**. When demand spikes, fees "
                                    + "follow.",
                            "## What layer 2 means",
                            "Layer-2 networks execute transactions elsewhere and settle back to Ethereum. Polygon PoS "
                                    + "is a sidechain; rollups post proofs or data to mainnet.",
                            "## Why MATIC",
                            "MATIC pays the fees and secures the network through staking. For users the difference is "
                                    + "simple: a swap costs cents, and confirms in seconds."),
                    List.of(
                            new DemoComment(
                                    MILY, "Bridging back to mainnet still confuses me. Follow-up post?", List.of()),
                            new DemoComment(
                                    JOHN,
                                    "+1, and a word on zk-rollups would be great.",
                                    List.of(new DemoVote(MILY, "+")))),
                    List.of(new DemoVote(JOHN, "+"), new DemoVote(MILY, "-"))));

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Comments comments;
    private final Votes votes;
    private final TransactionTemplate transactions;

    DemoPosts(JdbcClient jdbc, Posts posts, Comments comments, Votes votes, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.comments = comments;
        this.votes = votes;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(transaction -> seed());
    }

    /** In the caller's transaction: the advisory lock is held until it ends. */
    void seed() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
        if (jdbc.sql("select exists (select 1 from posts)").query(Boolean.class).single()) {
            return;
        }
        for (DemoPost post : POSTS) {
            UUID postId = post.id();
            posts.create(
                    new Posts.NewPost(
                            postId,
                            post.author().id(),
                            post.author().username(),
                            post.title(),
                            post.slug(),
                            post.content(),
                            post.preview(),
                            post.tags(),
                            List.of()),
                    post.createdAt());
            Instant at = post.createdAt();
            for (DemoVote vote : post.votes()) {
                at = at.plus(Duration.ofMinutes(7));
                votes.ratePost(postId, vote.voter().id(), vote.voter().username(), vote.rate(), at);
            }
            for (DemoComment comment : post.comments()) {
                at = at.plus(Duration.ofHours(3));
                UUID commentId = comment.id(postId);
                comments.add(
                        postId,
                        commentId,
                        comment.author().id(),
                        comment.author().username(),
                        comment.payload(),
                        at);
                for (DemoVote vote : comment.votes()) {
                    at = at.plus(Duration.ofMinutes(11));
                    votes.rateComment(
                            postId, commentId, vote.voter().id(), vote.voter().username(), vote.rate(), at);
                }
            }
        }
        log.info("demo posts created: {}", POSTS.stream().map(DemoPost::slug).toList());
    }

    /** A readable slug: lower-case letters and digits, words joined by single hyphens. */
    static String slugify(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(("cryptotalks-demo-" + name).getBytes(StandardCharsets.UTF_8));
    }

    record Author(UUID id, String username) {}

    record DemoVote(Author voter, String rate) {}

    record DemoComment(Author author, String payload, List<DemoVote> votes) {

        UUID id(UUID postId) {
            return nameBased(postId + "-comment-" + payload);
        }
    }

    record DemoPost(
            Author author,
            Instant createdAt,
            String title,
            String preview,
            List<String> tags,
            List<String> content,
            List<DemoComment> comments,
            List<DemoVote> votes) {

        UUID id() {
            return nameBased("post-" + slug());
        }

        String slug() {
            return slugify(title);
        }
    }
}
