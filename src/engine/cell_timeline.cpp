#include "engine/cell_timeline.hpp"

#include <algorithm>
#include <unordered_set>

namespace laurel::engine {

void CellTimeline::add(Moment moment, std::int64_t delta, std::int64_t client) {
  if (removed_ && removed_->moment == moment && removed_->entry.delta == delta &&
      removed_->entry.client == client) {
    const bool appended = removed_->appended;
    removed_.reset();
    entries_.emplace(moment, Entry{delta, client});
    total_ += delta;
    negatives_ += delta < 0;
    ++clients_[client];
    --changes_;  // as if neither had happened
    appended_ = appended;
    return;
  }
  removed_.reset();
  ++changes_;
  if (!entries_.empty() && moment <= last()) appended_ = false;
  auto [it, fresh] = entries_.try_emplace(moment, Entry{delta, client});
  if (!fresh) {  // the same record twice in one cell cannot happen; count it once if it does
    remove(moment);
    entries_.emplace(moment, Entry{delta, client});
  }
  total_ += delta;
  negatives_ += delta < 0;
  ++clients_[client];
}

void CellTimeline::remove(Moment moment) {
  const auto it = entries_.find(moment);
  removed_.reset();
  if (it == entries_.end()) return;
  ++changes_;
  removed_ = Removed{moment, it->second, appended_};
  appended_ = false;
  total_ -= it->second.delta;
  negatives_ -= it->second.delta < 0;
  if (--clients_[it->second.client] == 0) clients_.erase(it->second.client);
  entries_.erase(it);
}

std::int64_t CellTimeline::figure() const {
  return distinct_ ? static_cast<std::int64_t>(clients_.size()) : total_;
}

std::vector<std::optional<Moment>> CellTimeline::crossings(
    const std::vector<std::int64_t>& thresholds) const {
  std::vector<std::optional<Moment>> out(thresholds.size());
  // When no contribution is negative the running figure only grows, so a threshold above the
  // whole figure is never reached: stop walking once the rest are all above it.
  std::size_t reachable = thresholds.size();
  if (negatives_ == 0) {
    const auto whole = figure();
    reachable = static_cast<std::size_t>(
        std::upper_bound(thresholds.begin(), thresholds.end(), whole) - thresholds.begin());
  }
  std::size_t next = 0;  // the first threshold not reached yet: thresholds are ascending, and a
                         // figure that reaches one has reached every one below it
  std::int64_t running = 0;
  std::unordered_set<std::int64_t> seen;
  for (const auto& [moment, entry] : entries_) {
    if (next == reachable) break;
    if (distinct_) {
      if (seen.insert(entry.client).second) ++running;
    } else {
      running += entry.delta;
    }
    while (next < reachable && running >= thresholds[next])
      out[next++] = moment;
  }
  return out;
}

}  // namespace laurel::engine
