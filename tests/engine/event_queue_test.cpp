// Specification of the pending-event set: a total, documented order (time, then priority,
// then insertion), and cancellation that never touches the wrong event.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "zorgsim/engine/event_queue.hpp"

using zorgsim::Days;
using zorgsim::EventId;
using Queue = zorgsim::EventQueue<int>;

namespace {

std::vector<int> drain(Queue& queue) {
    std::vector<int> order;
    while (!queue.empty())
        order.push_back(queue.pop().second);
    return order;
}

} // namespace

TEST_CASE("Events come out earliest time first", "[event_queue]") {
    Queue queue;
    queue.push(5.0, 0, 1);
    queue.push(1.0, 0, 2);
    queue.push(3.5, 0, 3);
    queue.push(0.0, 0, 4);
    CHECK(queue.size() == 4);
    CHECK(queue.top().time == 0.0);
    CHECK(drain(queue) == std::vector<int>{4, 2, 3, 1});
}

TEST_CASE("At equal times the lower priority number comes first, whatever the insertion "
          "order",
          "[event_queue]") {
    Queue queue;
    queue.push(2.0, 40, 1);
    queue.push(2.0, 10, 2);
    queue.push(2.0, 20, 3);
    queue.push(1.0, 99, 4);
    CHECK(drain(queue) == std::vector<int>{4, 2, 3, 1});
}

TEST_CASE("At equal time and priority the event scheduled first comes first", "[event_queue]") {
    Queue queue;
    for (int i = 0; i < 50; ++i)
        queue.push(7.0, 20, i);
    std::vector<int> expected(50);
    for (int i = 0; i < 50; ++i)
        expected[static_cast<std::size_t>(i)] = i;
    CHECK(drain(queue) == expected);
}

TEST_CASE("Popping returns the entry with its time, priority and payload", "[event_queue]") {
    Queue queue;
    queue.push(4.25, 30, 17);
    const auto [entry, payload] = queue.pop();
    CHECK(entry.time == 4.25);
    CHECK(entry.priority == 30);
    CHECK(payload == 17);
    CHECK(queue.empty());
}

TEST_CASE("A cancelled event never comes out and the others keep their order", "[event_queue]") {
    Queue queue;
    const EventId a = queue.push(1.0, 0, 1);
    const EventId b = queue.push(2.0, 0, 2);
    const EventId c = queue.push(3.0, 0, 3);
    CHECK(queue.is_pending(b));
    CHECK(queue.cancel(b));
    CHECK_FALSE(queue.is_pending(b));
    CHECK(queue.is_pending(a));
    CHECK(queue.is_pending(c));
    CHECK(queue.size() == 2);
    CHECK(drain(queue) == std::vector<int>{1, 3});
}

TEST_CASE("Cancelling twice, after popping, or with an empty id does nothing", "[event_queue]") {
    Queue queue;
    const EventId a = queue.push(1.0, 0, 1);
    const EventId b = queue.push(2.0, 0, 2);
    CHECK(queue.cancel(a));
    CHECK_FALSE(queue.cancel(a));
    queue.pop(); // b
    CHECK_FALSE(queue.cancel(b));
    CHECK_FALSE(queue.cancel(EventId{}));
    CHECK_FALSE(queue.is_pending(EventId{}));
    CHECK_FALSE(queue.cancel(EventId{12345, 0}));
    CHECK(queue.empty());
}

TEST_CASE("A stale id never cancels a newer event that reuses its slot", "[event_queue]") {
    Queue queue;
    const EventId old_id = queue.push(1.0, 0, 1);
    queue.pop();
    const EventId new_id = queue.push(2.0, 0, 2);
    REQUIRE(new_id.slot == old_id.slot); // the slot is reused...
    CHECK(new_id.generation != old_id.generation);
    CHECK_FALSE(queue.is_pending(old_id)); // ...but the old name no longer reaches it
    CHECK_FALSE(queue.cancel(old_id));
    CHECK(queue.is_pending(new_id));
    CHECK(drain(queue) == std::vector<int>{2});
}

TEST_CASE("Cancelling the first event exposes the next one", "[event_queue]") {
    Queue queue;
    const EventId first = queue.push(1.0, 0, 1);
    queue.push(2.0, 0, 2);
    queue.push(2.0, 0, 3);
    REQUIRE(queue.cancel(first));
    CHECK(queue.top().time == 2.0);
    CHECK(drain(queue) == std::vector<int>{2, 3});
}

TEST_CASE("Random push/pop/cancel sequences match a sorted reference exactly",
          "[event_queue][randomized]") {
    // Reference: a std::set ordered by (time, priority, insertion number). Times and
    // priorities come from small sets so that ties, the hard case, are frequent.
    using Key = std::tuple<Days, std::int32_t, std::uint64_t, int>;
    std::set<Key> reference;
    std::vector<std::pair<EventId, Key>> issued; // every id ever handed out
    Queue queue;
    std::mt19937_64 rng(20250101);
    std::uint64_t inserted = 0;
    int payload = 0;
    Days now = 0.0;
    std::size_t pops = 0;
    std::size_t cancels = 0;
    std::size_t stale_cancels = 0;

    for (int step = 0; step < 200000; ++step) {
        const auto action = rng() % 10;
        if (action < 5 || reference.empty()) { // push, at or after the last popped time
            const Days time = now + static_cast<Days>(rng() % 8) * 0.5;
            const auto priority = static_cast<std::int32_t>(rng() % 3) * 10;
            const EventId id = queue.push(time, priority, payload);
            const Key key{time, priority, inserted++, payload++};
            reference.insert(key);
            issued.emplace_back(id, key);
        } else if (action < 8) { // pop
            const auto [entry, got] = queue.pop();
            const Key expected = *reference.begin();
            reference.erase(reference.begin());
            REQUIRE(entry.time == std::get<0>(expected));
            REQUIRE(entry.priority == std::get<1>(expected));
            REQUIRE(got == std::get<3>(expected));
            now = entry.time;
            ++pops;
        } else { // cancel any id ever issued: pending ones go, stale ones are refused
            const auto& [id, key] = issued[rng() % issued.size()];
            const bool pending = reference.count(key) == 1;
            REQUIRE(queue.is_pending(id) == pending);
            REQUIRE(queue.cancel(id) == pending);
            reference.erase(key);
            if (pending)
                ++cancels;
            else
                ++stale_cancels;
        }
        REQUIRE(queue.size() == reference.size());
    }
    while (!reference.empty()) {
        REQUIRE(queue.pop().second == std::get<3>(*reference.begin()));
        reference.erase(reference.begin());
    }
    CHECK(queue.empty());
    // The sequence exercised every path.
    CHECK(pops > 10000);
    CHECK(cancels > 1000);
    CHECK(stale_cancels > 1000);
}
