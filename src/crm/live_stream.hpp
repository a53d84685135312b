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

#include <memory>
#include <optional>
#include <vector>

#include "core/wake_worker.hpp"
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

  store::Store& store_;
  LiveStreamOptions options_;
  mutable std::mutex mutex_;  // held while reading and fanning out, so positions stay in order
  std::int64_t position_ = 0;
  std::vector<Client> clients_;
  std::uint64_t dropped_ = 0;
  core::WakeWorker worker_;
  store::Store::ObserverId observer_ = 0;
};

}  // namespace laurel::crm
