// Runs a job per index on a fixed pool of worker threads and hands the
// results to the calling thread in index order, never holding more than a
// window of them: memory follows the window, not the number of jobs.
//
//   OrderedJobs<Result> jobs{paths.size(), 2, 0, make, recover, consume};
//   run_ordered(jobs); // consume(0, ...), consume(1, ...), ... on this thread
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace inspex {

template <typename T> struct OrderedJobs {
    std::size_t count = 0;
    // Threads that run the jobs; 1 (or 0) runs every job on the calling
    // thread, in order, and starts no thread at all.
    unsigned workers = 1;
    // Jobs started but not yet consumed, at most (0: twice the workers).
    std::size_t window = 0;
    std::function<T(std::size_t)> make;
    // The result of a job whose make() threw: the others still run. It must
    // not throw itself.
    std::function<T(std::size_t, std::exception_ptr)> recover;
    // Each result, in index order, on the calling thread.
    std::function<void(std::size_t, T &&)> consume;
    // Jobs the calling thread runs itself when their turn comes (reading
    // standard input); none when empty.
    std::function<bool(std::size_t)> on_caller = nullptr;
};

namespace detail {

template <typename T> T make_safely(const OrderedJobs<T> &jobs, std::size_t i) {
    try {
        return jobs.make(i);
    } catch (...) {
        return jobs.recover(i, std::current_exception());
    }
}

// The state the workers and the calling thread share.
template <typename T> class OrderedPool {
  public:
    explicit OrderedPool(const OrderedJobs<T> &jobs)
        : jobs_(jobs), window_(jobs.window ? jobs.window : 2 * std::size_t{jobs.workers}) {}

    void run() {
        std::vector<std::thread> threads;
        try {
            for (unsigned w = 0; w < jobs_.workers; ++w)
                threads.emplace_back([this] { work(); });
            for (std::size_t i = 0; i < jobs_.count; ++i)
                jobs_.consume(i, take(i));
        } catch (...) {
            stop(threads);
            throw;
        }
        stop(threads);
    }

  private:
    // No job is started after this; the running ones end.
    void stop(std::vector<std::thread> &threads) {
        {
            std::lock_guard lock(mutex_);
            claimed_ = jobs_.count;
        }
        room_.notify_all();
        for (std::thread &t : threads)
            t.join();
    }

    bool mine(std::size_t i) const { return jobs_.on_caller && jobs_.on_caller(i); }

    void work() {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex_);
                room_.wait(lock,
                           [&] { return claimed_ >= jobs_.count || claimed_ < taken_ + window_; });
                if (claimed_ >= jobs_.count)
                    return;
                i = claimed_++;
            }
            if (mine(i))
                continue;
            T result = make_safely(jobs_, i);
            {
                std::lock_guard lock(mutex_);
                done_.emplace(i, std::move(result));
            }
            ready_.notify_all();
        }
    }

    // Result i, made here or waited for; frees a place in the window.
    T take(std::size_t i) {
        std::optional<T> result;
        if (mine(i)) {
            result.emplace(make_safely(jobs_, i));
        } else {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return done_.count(i) > 0; });
            auto it = done_.find(i);
            result.emplace(std::move(it->second));
            done_.erase(it);
        }
        {
            std::lock_guard lock(mutex_);
            taken_ = i + 1;
        }
        room_.notify_all();
        return std::move(*result);
    }

    const OrderedJobs<T> &jobs_;
    std::size_t window_;
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::map<std::size_t, T> done_; // made, not yet taken
    std::size_t claimed_ = 0, taken_ = 0;
};

} // namespace detail

template <typename T> void run_ordered(const OrderedJobs<T> &jobs) {
    if (jobs.workers <= 1) {
        for (std::size_t i = 0; i < jobs.count; ++i)
            jobs.consume(i, detail::make_safely(jobs, i));
        return;
    }
    detail::OrderedPool<T>(jobs).run();
}

} // namespace inspex
