#include "inspex/ordered_pool.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace inspex;

namespace {

// Jobs that return their index as text after a pause that varies, so that
// later jobs often finish first.
struct Recorder {
    std::vector<std::string> consumed;
    std::set<std::thread::id> makers;
    std::mutex mutex;
    std::atomic<std::size_t> started{0}, taken{0};
    std::size_t most_ahead = 0; // started - taken, at most

    OrderedJobs<std::string> jobs(std::size_t count, unsigned workers, std::size_t window = 0) {
        OrderedJobs<std::string> j;
        j.count = count;
        j.workers = workers;
        j.window = window;
        j.make = [this](std::size_t i) {
            std::size_t ahead = ++started - taken;
            {
                std::lock_guard lock(mutex);
                makers.insert(std::this_thread::get_id());
                most_ahead = std::max(most_ahead, ahead);
            }
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 5 * 200));
            if (i == 3)
                throw std::runtime_error("job 3 failed");
            return std::to_string(i);
        };
        j.recover = [](std::size_t i, std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception &error) {
                return std::to_string(i) + ": " + error.what();
            }
        };
        j.consume = [this](std::size_t, std::string &&s) {
            ++taken;
            consumed.push_back(std::move(s));
        };
        return j;
    }
};

std::vector<std::string> expected(std::size_t count) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(i == 3 ? "3: job 3 failed" : std::to_string(i));
    return out;
}

} // namespace

TEST_CASE("ordered pool: one worker runs every job on the calling thread, in order") {
    Recorder r;
    run_ordered(r.jobs(20, 1));
    CHECK(r.consumed == expected(20));
    REQUIRE(r.makers.size() == 1);
    CHECK(*r.makers.begin() == std::this_thread::get_id());
}

TEST_CASE("ordered pool: several workers, results in index order, a failed job in its place") {
    for (unsigned workers : {2u, 3u, 8u}) {
        Recorder r;
        run_ordered(r.jobs(200, workers));
        CHECK(r.consumed == expected(200));
        CHECK(r.makers.count(std::this_thread::get_id()) == 0);
    }
}

TEST_CASE("ordered pool: no more jobs started ahead of the consumer than the window") {
    Recorder r;
    auto jobs = r.jobs(100, 4, 3);
    auto consume = jobs.consume;
    jobs.consume = [&](std::size_t i, std::string &&s) {
        std::this_thread::sleep_for(std::chrono::microseconds(300)); // a slow writer
        consume(i, std::move(s));
    };
    run_ordered(jobs);
    CHECK(r.consumed == expected(100));
    CHECK(r.most_ahead <= 3 + 1); // the window, and the one being consumed
}

TEST_CASE("ordered pool: jobs kept for the calling thread run there, in their turn") {
    Recorder r;
    auto jobs = r.jobs(30, 2);
    std::thread::id caller = std::this_thread::get_id(), ran_on;
    auto make = jobs.make;
    jobs.make = [&](std::size_t i) {
        if (i == 10)
            ran_on = std::this_thread::get_id();
        return make(i);
    };
    jobs.on_caller = [](std::size_t i) { return i == 10; };
    run_ordered(jobs);
    CHECK(r.consumed == expected(30));
    CHECK(ran_on == caller);
}

TEST_CASE("ordered pool: no job, no call") {
    Recorder r;
    run_ordered(r.jobs(0, 2));
    CHECK(r.consumed.empty());
}
