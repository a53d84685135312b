#include "crm/engine_service.hpp"

#include <algorithm>

#include "store/event_repository.hpp"

namespace laurel::crm {

EngineService::EngineService(store::Store& store, core::CompanyZone zone)
    : store_(store), fold_({}, zone), feed_(fold_) {}

core::Status EngineService::catch_up() {
  std::lock_guard lock(mutex_);
  return catch_up_locked();
}

core::Status EngineService::catch_up_locked() {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::EventRepository log(**connection);
  store::EventFilter page;
  page.limit = 10'000;
  for (;;) {
    page.after_seq = last_seq_;
    auto events = log.list(page);
    if (!events) return events.error();
    const bool more = events->size() > static_cast<std::size_t>(page.limit);
    if (more) events->pop_back();
    for (const auto& e : *events) {
      if (auto s = feed_.apply(e); !s) {
        ++unreadable_;
        if (problems_.size() < 100) problems_.push_back(s.error().message);
      }
      last_seq_ = e.seq;
    }
    if (!more) return {};
  }
}

core::Result<EngineService::Figures> EngineService::figures(std::int64_t metric_id,
                                                            core::Period period) {
  std::lock_guard lock(mutex_);
  if (auto s = catch_up_locked(); !s) return s.error();
  const auto* definition = fold_.metric(metric_id);
  if (!definition) return core::Error::not_found("no metric " + std::to_string(metric_id));
  Figures out{*definition, {}};
  out.cells = fold_.cells(metric_id, period);
  std::sort(out.cells.begin(), out.cells.end(), [](const auto& a, const auto& b) {
    return a.value != b.value ? a.value > b.value : a.subject_id < b.subject_id;
  });
  return out;
}

std::int64_t EngineService::folded_up_to() const {
  std::lock_guard lock(mutex_);
  return last_seq_;
}

std::int64_t EngineService::unreadable_events() const {
  std::lock_guard lock(mutex_);
  return unreadable_;
}

std::vector<std::string> EngineService::problems() const {
  std::lock_guard lock(mutex_);
  return problems_;
}

std::size_t EngineService::metric_count() const {
  std::lock_guard lock(mutex_);
  return fold_.metric_count();
}

std::size_t EngineService::figure_count() const {
  std::lock_guard lock(mutex_);
  return fold_.cell_count();
}

}  // namespace laurel::crm
