#pragma once
// Prometheus metrics for /metrics: requests and latency per route, database time, connections.
// Recording is lock-free (relaxed atomics in fixed slots), so it costs no lock per request;
// only rendering the text walks the slots.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace laurel::http {

// A fixed-bucket latency histogram, in seconds on the wire.
class Histogram {
 public:
  static constexpr std::array<double, 12> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void observe(std::chrono::nanoseconds elapsed);
  // Appends the _bucket, _sum and _count lines of `name` with the given label text.
  void render(std::string& out, const std::string& name, const std::string& labels) const;
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_nanos_{0};
};

class Metrics {
 public:
  // `routes`: the route labels ("GET /api/v1/users/{id}") in router order. Two more slots count
  // static files and requests that matched no route.
  explicit Metrics(std::vector<std::string> routes);

  std::size_t static_slot() const { return routes_.size() - 2; }
  std::size_t unmatched_slot() const { return routes_.size() - 1; }

  void record_request(std::size_t slot, unsigned status, std::chrono::nanoseconds elapsed);
  void record_query(std::chrono::nanoseconds elapsed) { db_.observe(elapsed); }
  void connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
  void connection_rejected() { rejected_connections_.fetch_add(1, std::memory_order_relaxed); }
  std::int64_t open_connections() const { return open_connections_.load(); }

  std::string render() const;

 private:
  struct RouteSlot {
    std::array<std::atomic<std::uint64_t>, 5> by_class{};  // 1xx..5xx
    Histogram latency;
  };
  std::vector<std::string> routes_;
  std::unique_ptr<RouteSlot[]> slots_;
  Histogram db_;
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::uint64_t> rejected_connections_{0};
};

}  // namespace laurel::http
