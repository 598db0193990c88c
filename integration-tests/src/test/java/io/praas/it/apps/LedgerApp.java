package io.praas.it.apps;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.InvalidInputException;
import io.praas.sdk.ProcessApplication;

import java.util.Map;

/**
 * A test app whose functions call each other with {@code ProcessContext.call}: a transfer is two
 * nested bookings that commit, or fail, as one invocation.
 */
public final class LedgerApp implements ProcessApplication {

    /** Input of {@code book}. */
    public record Booking(String account, long amount) {
    }

    /** Input of {@code transfer}. */
    public record Transfer(String from, String to, long amount) {
    }

    @Override
    public void define(AppDefinition app) {
        app.function("book", Booking.class, (booking, ctx) -> {
            long balance = ctx.state().getOrDefault(booking.account(), Long.class, 0L) + booking.amount();
            if (balance < 0) {
                throw new InvalidInputException("account '" + booking.account() + "' would be overdrawn");
            }
            ctx.state().put(booking.account(), balance);
            return balance;
        });
        app.function("balance", String.class, (account, ctx) -> ctx.state().getOrDefault(account, Long.class, 0L));
        // Credits first, so that a refused debit shows the credit being dropped with it.
        app.function("transfer", Transfer.class, (transfer, ctx) -> {
            long to = ctx.call("book", new Booking(transfer.to(), transfer.amount()), long.class);
            ctx.call("book", Map.of("account", transfer.from(), "amount", -transfer.amount()), Long.class);
            return Map.of("from", ctx.call("balance", transfer.from(), Long.class), "to", to);
        });
        app.function("recurse", (input, ctx) -> ctx.call("recurse", null, Void.class));
        app.function("call-missing", (input, ctx) -> ctx.call("missing", null, Void.class));
    }
}
