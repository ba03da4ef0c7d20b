package io.alphintra.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alphintra.access.Caller;
import io.alphintra.access.LoginRefusedException;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.FailedLoginException;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final Instant T0 = Instant.parse("2027-01-15T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> asked = new ArrayList<>();
    /** Users, their password and the realm's role names (Karaf's own among them). */
    private final Map<String, List<String>> users = Map.of(
            "alice", List.of("secret", "trader", "viewer", "ssh"),
            "carol", List.of("secret", "ssh", "manager"));
    private final PasswordCheck realm = (user, password) -> {
        asked.add(user);
        List<String> entry = users.get(user);
        if (entry == null || !entry.get(0).equals(new String(password))) {
            throw new FailedLoginException("Password for user " + user + " does not match");
        }
        return Set.copyOf(entry.subList(1, entry.size()));
    };
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60));
    private final Sessions sessions = new Sessions(new SessionTokens(new byte[32]), realm, throttle, clock,
            new SecureRandom(), Duration.ofMinutes(480));

    @Test
    void aLoginGivesATokenForTheUsersRolesOfTheNode() throws Exception {
        clock.advance(Duration.ofMillis(700));
        Session session = sessions.login("alice", "secret".toCharArray());

        assertThat(session.caller().user()).isEqualTo("alice");
        assertThat(session.caller().roles()).containsExactlyInAnyOrder(Role.TRADER, Role.VIEWER);
        assertThat(session.caller().credential()).matches("session:[A-Za-z0-9_-]{22}");
        assertThat(session.expires()).isEqualTo(T0.plus(Duration.ofMinutes(480)));
        assertThat(sessions.authenticate(session.token())).contains(session.caller());

        clock.advance(Duration.ofMinutes(480));
        assertThat(sessions.authenticate(session.token())).as("expired").isEmpty();
    }

    @Test
    void aLogoutEndsThatSessionOnly() throws Exception {
        Session first = sessions.login("alice", "secret".toCharArray());
        Session second = sessions.login("alice", "secret".toCharArray());
        sessions.logout(first.token());

        assertThat(sessions.authenticate(first.token())).isEmpty();
        assertThat(sessions.authenticate(second.token())).isPresent();
        sessions.logout("not a token");
        sessions.logout(null);
        assertThat(sessions.endedHeld()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(481));
        sessions.logout(sessions.login("alice", "secret".toCharArray()).token());
        assertThat(sessions.endedHeld()).as("expired logouts are forgotten").isEqualTo(1);
    }

    @Test
    void aWrongPasswordAnUnknownUserOrNoRoleOfTheNodeAreRefusedAlike() {
        assertThatThrownBy(() -> sessions.login("alice", "wrong".toCharArray()))
                .isInstanceOf(LoginRefusedException.class).hasMessage(Sessions.REFUSED);
        assertThatThrownBy(() -> sessions.login("nobody", "secret".toCharArray())).hasMessage(Sessions.REFUSED);
        assertThatThrownBy(() -> sessions.login("carol", "secret".toCharArray())).hasMessage(Sessions.REFUSED);
        assertThatThrownBy(() -> sessions.login("bad name", "x".toCharArray())).hasMessage(Sessions.REFUSED);
        assertThatThrownBy(() -> sessions.login(null, "x".toCharArray())).hasMessage(Sessions.REFUSED);
        assertThat(asked).as("malformed names never reach the realm").containsExactly("alice", "nobody", "carol");
    }

    @Test
    void repeatedFailuresLockTheNameOutEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> sessions.login("alice", "wrong".toCharArray())).hasMessage(Sessions.REFUSED);
        }
        clock.advance(Duration.ofMillis(59_500));
        assertThatThrownBy(() -> sessions.login("alice", "secret".toCharArray()))
                .isInstanceOf(LoginRefusedException.class)
                .hasMessage("login refused: too many failed logins for this user name; try again in 1 s");
        assertThat(asked).as("the realm is not asked while locked out").hasSize(3);

        clock.advance(Duration.ofMillis(500));
        Caller caller = sessions.login("alice", "secret".toCharArray()).caller();
        assertThat(caller.user()).isEqualTo("alice");
    }

    @Test
    void theLifetimeAppliesToNewSessions() throws Exception {
        Session before = sessions.login("alice", "secret".toCharArray());
        sessions.lifetime(Duration.ofMinutes(5));
        Session after = sessions.login("alice", "secret".toCharArray());
        assertThat(before.expires()).isEqualTo(T0.plus(Duration.ofMinutes(480)));
        assertThat(after.expires()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void thePasswordIsHandedToTheRealmUnchanged() throws Exception {
        char[] password = "secret".toCharArray();
        sessions.login("alice", password);
        assertThat(Arrays.equals(password, "secret".toCharArray())).isTrue();
    }
}
