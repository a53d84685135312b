#include "engine/cell_timeline.hpp"

#include <unordered_set>

namespace laurel::engine {

void CellTimeline::add(Moment moment, std::int64_t delta, std::int64_t client) {
  ++changes_;
  if (!entries_.empty() && moment <= last()) appended_ = false;
  auto [it, fresh] = entries_.try_emplace(moment, Entry{delta, client});
  if (!fresh) {  // the same record twice in one cell cannot happen; count it once if it does
    remove(moment);
    entries_.emplace(moment, Entry{delta, client});
  }
  total_ += delta;
  ++clients_[client];
}

void CellTimeline::remove(Moment moment) {
  const auto it = entries_.find(moment);
  if (it == entries_.end()) return;
  ++changes_;
  appended_ = false;
  total_ -= it->second.delta;
  if (--clients_[it->second.client] == 0) clients_.erase(it->second.client);
  entries_.erase(it);
}

std::int64_t CellTimeline::figure() const {
  return distinct_ ? static_cast<std::int64_t>(clients_.size()) : total_;
}

std::vector<std::optional<Moment>> CellTimeline::crossings(
    const std::vector<std::int64_t>& thresholds) const {
  std::vector<std::optional<Moment>> out(thresholds.size());
  std::size_t next = 0;  // the first threshold not reached yet: thresholds are ascending, and a
                         // figure that reaches one has reached every one below it
  std::int64_t running = 0;
  std::unordered_set<std::int64_t> seen;
  for (const auto& [moment, entry] : entries_) {
    if (next == thresholds.size()) break;
    if (distinct_) {
      if (seen.insert(entry.client).second) ++running;
    } else {
      running += entry.delta;
    }
    while (next < thresholds.size() && running >= thresholds[next])
      out[next++] = moment;
  }
  return out;
}

}  // namespace laurel::engine
