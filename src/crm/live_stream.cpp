#include "crm/live_stream.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "crm/good_news_service.hpp"
#include "store/good_news_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;

LiveMessage position_message(std::string event, std::int64_t position, bool as_id) {
  return {as_id ? std::optional(position) : std::nullopt, std::move(event),
          json::serialize(json::object{{"position", position}})};
}

}  // namespace

LiveStream::LiveStream(store::Store& store, LiveStreamOptions options)
    : store_(store), options_(options) {}

LiveStream::~LiveStream() {
  stop();
}

core::Status LiveStream::start(std::function<void(const core::Error&)> on_error) {
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto position = store::GoodNewsRepository(**connection).stream_position();
    if (!position) return position.error();
    std::lock_guard lock(mutex_);
    position_ = *position;
  }
  observer_ = store_.add_commit_observer([this] { worker_.wake(); });
  worker_.start(std::chrono::seconds(1), [this, on_error = std::move(on_error)] {
    if (auto s = publish_changes(); !s && on_error) on_error(s.error());
  });
  return {};
}

void LiveStream::stop() {
  if (!worker_.running()) return;
  store_.remove_commit_observer(observer_);
  worker_.stop();
}

core::Result<std::vector<LiveStream::Change>> LiveStream::changes_after(std::int64_t after,
                                                                        int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::GoodNewsRepository(**connection).changed_after(after, limit);
  if (!rows) return rows.error();
  auto rendered = render_good_news(**connection, std::move(*rows));
  if (!rendered) return rendered.error();
  std::vector<Change> out;
  out.reserve(rendered->size());
  for (const auto& news : *rendered) {
    const auto& r = news.record;
    Change change;
    change.position = r.stream_seq;
    change.audience = r.audience;
    change.for_managers = {r.stream_seq, "good_news",
                           json::serialize(good_news_to_json(news, true))};
    if (r.status == "published") {
      change.for_everyone = {r.stream_seq, "good_news",
                             json::serialize(good_news_to_json(news, false))};
    } else if (r.published_at) {
      // Withdrawn after it was published: pages showing it take it down.
      change.for_everyone = {r.stream_seq, "good_news_removed",
                             json::serialize(json::object{{"id", r.id}})};
    } else {
      change.for_everyone.id = r.stream_seq;  // nothing to tell (event left empty)
    }
    out.push_back(std::move(change));
  }
  return out;
}

void LiveStream::deliver(const Client& client, const Change& change) {
  auto queue = client.queue.lock();
  if (!queue) return;
  const auto& reader = client.reader;
  const auto& message = reader.manager ? change.for_managers : change.for_everyone;
  if (message.event.empty() || !reader.in_audience(change.audience)) return;
  if (!queue->push(message)) ++dropped_;
}

core::Status LiveStream::publish_changes() {
  std::lock_guard lock(mutex_);
  constexpr int kPage = 500;
  for (;;) {
    auto changes = changes_after(position_, kPage);
    if (!changes) return changes.error();
    for (const auto& change : *changes) {
      for (const auto& client : clients_)
        deliver(client, change);
      position_ = change.position;
    }
    if (changes->size() < static_cast<std::size_t>(kPage)) break;
  }
  flush_boards_locked(Clock::now());
  std::erase_if(clients_, [](const Client& client) {
    auto queue = client.queue.lock();
    return !queue || queue->dropped();
  });
  return {};
}

void LiveStream::boards_changed(const std::vector<BoardChange>& changes) {
  std::lock_guard lock(mutex_);
  for (const auto& change : changes) {
    auto& pending = boards_pending_[change.board_id];
    pending.any_period = pending.any_period || change.periods.empty();
    pending.periods.insert(change.periods.begin(), change.periods.end());
    pending.managers_only = change.managers_only;
  }
  flush_boards_locked(Clock::now());
}

void LiveStream::recognition_changed(const std::vector<std::int64_t>& staff_ids) {
  std::lock_guard lock(mutex_);
  for (const auto& client : clients_) {
    if (!client.reader.staff_id ||
        std::find(staff_ids.begin(), staff_ids.end(), *client.reader.staff_id) == staff_ids.end()) {
      continue;
    }
    auto queue = client.queue.lock();
    const LiveMessage message{
        std::nullopt, "recognition_changed",
        boost::json::serialize(boost::json::object{{"staff_id", *client.reader.staff_id}})};
    if (queue && !queue->push(message)) ++dropped_;
  }
}

void LiveStream::flush_boards_locked(Clock::time_point now) {
  for (auto it = boards_pending_.begin(); it != boards_pending_.end();) {
    auto& told = boards_told_[it->first];
    if (told != Clock::time_point{} && now - told < kBoardInterval) {
      ++it;
      continue;
    }
    told = now;
    const auto& pending = it->second;
    boost::json::array periods;
    if (!pending.any_period) {
      for (const auto& p : pending.periods)
        periods.emplace_back(p);
    }
    const LiveMessage message{std::nullopt, "board_changed",
                              boost::json::serialize(boost::json::object{
                                  {"board_id", it->first}, {"periods", std::move(periods)}})};
    for (const auto& client : clients_) {
      if (pending.managers_only && !client.reader.manager) continue;
      auto queue = client.queue.lock();
      if (queue && !queue->push(message)) ++dropped_;
    }
    it = boards_pending_.erase(it);
  }
}

core::Result<std::shared_ptr<LiveQueue>> LiveStream::subscribe(
    const GoodNewsReader& reader, std::optional<std::int64_t> last_event_id) {
  auto queue = std::make_shared<LiveQueue>(options_.queue);
  std::lock_guard lock(mutex_);
  Client client{reader, queue};
  if (last_event_id) {
    bool reset = *last_event_id > position_;  // from another database, or a restored one
    if (!reset) {
      auto changes = changes_after(*last_event_id, options_.resume_limit + 1);
      if (!changes) return changes.error();
      // Changes past the position already fanned out come to every client with the next fan-out.
      std::erase_if(*changes, [this](const Change& c) { return c.position > position_; });
      reset = changes->size() > static_cast<std::size_t>(options_.resume_limit);
      if (!reset) {
        for (const auto& change : *changes)
          deliver(client, change);
      }
    }
    if (reset) queue->push(position_message("reset", position_, false));
  }
  queue->push(position_message("ready", position_, true));
  clients_.push_back(std::move(client));
  return queue;
}

std::int64_t LiveStream::position() const {
  std::lock_guard lock(mutex_);
  return position_;
}

std::size_t LiveStream::clients() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(
      std::count_if(clients_.begin(), clients_.end(), [](const auto& c) {
        auto queue = c.queue.lock();
        return queue && !queue->dropped();
      }));
}

std::uint64_t LiveStream::dropped_clients() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

}  // namespace laurel::crm
