#include "http/metrics.hpp"

#include <fmt/format.h>

namespace laurel::http {
namespace {

std::string escape_label(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '\\' || ch == '"') out += '\\';
    if (ch == '\n') {
      out += "\\n";
      continue;
    }
    out += ch;
  }
  return out;
}

}  // namespace

void Histogram::observe(std::chrono::nanoseconds elapsed) {
  const double seconds = std::chrono::duration<double>(elapsed).count();
  std::size_t bucket = 0;
  while (bucket < kBounds.size() && seconds > kBounds[bucket])
    ++bucket;
  buckets_[bucket].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_nanos_.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
}

void Histogram::render(std::string& out, const std::string& name, const std::string& labels) const {
  const std::string sep = labels.empty() ? "" : ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out +=
        fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep, kBounds[i], cumulative);
  }
  cumulative += buckets_[kBounds.size()].load(std::memory_order_relaxed);
  out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, cumulative);
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out += fmt::format("{}_sum{} {:.9f}\n", name, braces,
                     static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9);
  out += fmt::format("{}_count{} {}\n", name, braces, cumulative);
}

Metrics::Metrics(std::vector<std::string> routes) : routes_(std::move(routes)) {
  routes_.push_back("static");
  routes_.push_back("unmatched");
  slots_ = std::make_unique<RouteSlot[]>(routes_.size());
}

void Metrics::record_request(std::size_t slot, unsigned status, std::chrono::nanoseconds elapsed) {
  if (slot >= routes_.size()) slot = unmatched_slot();
  const std::size_t status_class = std::min<std::size_t>(4, status / 100 - 1);
  slots_[slot].by_class[status_class].fetch_add(1, std::memory_order_relaxed);
  slots_[slot].latency.observe(elapsed);
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP laurel_http_requests_total HTTP requests answered, by route and status class.\n";
  out += "# TYPE laurel_http_requests_total counter\n";
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    for (std::size_t c = 0; c < 5; ++c) {
      const auto n = slots_[i].by_class[c].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += fmt::format("laurel_http_requests_total{{route=\"{}\",status=\"{}xx\"}} {}\n",
                         escape_label(routes_[i]), c + 1, n);
    }
  }
  out += "# HELP laurel_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE laurel_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (slots_[i].latency.count() == 0) continue;
    slots_[i].latency.render(out, "laurel_http_request_duration_seconds",
                             "route=\"" + escape_label(routes_[i]) + "\"");
  }
  out += "# HELP laurel_db_query_duration_seconds Time spent in database statements.\n";
  out += "# TYPE laurel_db_query_duration_seconds histogram\n";
  db_.render(out, "laurel_db_query_duration_seconds", "");
  out += "# HELP laurel_http_open_connections HTTP connections open now.\n";
  out += "# TYPE laurel_http_open_connections gauge\n";
  out += fmt::format("laurel_http_open_connections {}\n", open_connections_.load());
  out += "# HELP laurel_http_rejected_connections_total Connections refused over the limit.\n";
  out += "# TYPE laurel_http_rejected_connections_total counter\n";
  out += fmt::format("laurel_http_rejected_connections_total {}\n", rejected_connections_.load());
  return out;
}

}  // namespace laurel::http
