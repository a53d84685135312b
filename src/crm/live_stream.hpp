#pragma once
// The live stream behind /api/v1/stream: good news pushed to every open Laurel page the moment
// it changes — detected (to managers, as drafts to review), edited, published (to everyone),
// dismissed, no longer holding.
//
// The database is the stream. Every change of a good news takes the next stream position
// (good_news.stream_seq, migration 0020), so a thread woken by each commit reads what changed
// after the position it has sent, renders it once, and fans it out to the clients' bounded
// queues (crm/live_queue.hpp) as each one's audience allows. Message ids are stream positions:
// a client that reconnects with Last-Event-ID N is sent the current state of every good news
// changed after N — nothing lost, nothing twice, also across a restart of Laurel. A client too
// far behind (more than `resume_limit` changes) is told to `reset`: fetch the lists again.
//
// Audience: managers and admins see every good news in every status; everyone else sees
// published good news meant for everyone or for their department (hand-written news may be
// for some departments only), and is told `good_news_removed` when one they could have seen is
// withdrawn.
//
// Leaderboards: `boards_changed` tells every client that may see a board that its standings
// moved (event board_changed, {"board_id": 3, "periods": ["2026-12"]}, no id: a page refetches,
// and one reconnecting fetches everything anyway), at most once a second per board — changes
// within the second wait and go together with the next tick.
//
// A person's own recognition: `recognition_changed` ({"staff_id": 7}, no id) tells the pages of
// the person signed in as staff member 7, and nobody else, that the engine posted points or a
// flag of theirs — once per catch-up that posted any, so a backfill of a hundred visits is one.

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/wake_worker.hpp"
#include "crm/board_change.hpp"
#include "crm/good_news_service.hpp"
#include "crm/live_queue.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct LiveStreamOptions {
  LiveQueueLimits queue;
  int resume_limit = 500;  // changes sent on reconnect; more: reset
};

class LiveStream {
 public:
  LiveStream(store::Store& store, LiveStreamOptions options);
  ~LiveStream();
  LiveStream(const LiveStream&) = delete;
  LiveStream& operator=(const LiveStream&) = delete;

  // Starts at the database's current position and follows every commit after it (and looks
  // once a second, for writes made around WriteTransaction). `on_error` hears a failed read; it
  // is tried again on the next wake, from the same position.
  core::Status start(std::function<void(const core::Error&)> on_error);
  void stop();

  // Sends clients what changed after the position already sent. The worker calls it after every
  // commit; tests call it directly.
  core::Status publish_changes();

  // A new client: a `reset` or what changed after `last_event_id`, then `ready` (with the current
  // position as its id), then every change as it happens.
  core::Result<std::shared_ptr<LiveQueue>> subscribe(const GoodNewsReader& reader,
                                                     std::optional<std::int64_t> last_event_id);

  // Boards whose standings moved (from the engine); sent now or within the next second.
  void boards_changed(const std::vector<BoardChange>& changes);
  // People whose points or flags the engine just posted: each is told on their own pages.
  void recognition_changed(const std::vector<std::int64_t>& staff_ids);

  std::int64_t position() const;
  std::size_t clients() const;
  std::uint64_t dropped_clients() const;

 private:
  struct Client {
    GoodNewsReader reader;
    std::weak_ptr<LiveQueue> queue;
  };
  // Renders good news changed after `after` (up to `limit` of them) into messages for managers
  // and for everyone else; empty data where one audience is told nothing.
  struct Change {
    std::int64_t position = 0;
    LiveMessage for_managers;
    LiveMessage for_everyone;
    std::vector<std::int64_t> audience;  // departments for_everyone is for; empty: everyone
  };
  core::Result<std::vector<Change>> changes_after(std::int64_t after, int limit);
  void deliver(const Client& client, const Change& change);

  struct PendingBoard {
    std::set<std::string> periods;
    bool any_period = false;
    bool managers_only = false;
  };
  using Clock = std::chrono::steady_clock;
  static constexpr auto kBoardInterval = std::chrono::seconds(1);
  // Sends what waits for boards not told within the last second.
  void flush_boards_locked(Clock::time_point now);

  store::Store& store_;
  LiveStreamOptions options_;
  std::map<std::int64_t, PendingBoard> boards_pending_;
  std::map<std::int64_t, Clock::time_point> boards_told_;
  mutable std::mutex mutex_;  // held while reading and fanning out, so positions stay in order
  std::int64_t position_ = 0;
  std::vector<Client> clients_;
  std::uint64_t dropped_ = 0;
  core::WakeWorker worker_;
  store::Store::ObserverId observer_ = 0;
};

}  // namespace laurel::crm
