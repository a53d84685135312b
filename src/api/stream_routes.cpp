// The live stream: GET /api/v1/stream as server-sent events, or as a WebSocket when the request
// asks to upgrade. Either way the same messages (crm/live_stream.hpp), filtered for the caller.
// A reconnecting client names the last message it had: EventSource sends Last-Event-ID by
// itself; a WebSocket client, which cannot set headers, passes ?last_event_id=.

#include <charconv>

#include "api/access.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "http/event_stream.hpp"
#include "http/query_input.hpp"

namespace laurel::api {
namespace {

using http::Request;
using http::RequestContext;
using http::Response;

// The connection's end of a client queue of the live stream.
class LiveEventStream : public http::EventStream {
 public:
  explicit LiveEventStream(std::shared_ptr<crm::LiveQueue> queue) : queue_(std::move(queue)) {}

  void start(std::function<void()> wake) override { queue_->set_wake(std::move(wake)); }

  Batch take() override {
    auto taken = queue_->take();
    Batch batch;
    batch.ended = taken.dropped;
    batch.messages.reserve(taken.messages.size());
    for (auto& m : taken.messages) {
      batch.messages.push_back(
          {m.id ? std::to_string(*m.id) : std::string(), std::move(m.event), std::move(m.data)});
    }
    return batch;
  }

  void stop() override {
    queue_->set_wake({});  // the connection is going: nothing may wake it any more
    queue_->drop();
  }

 private:
  std::shared_ptr<crm::LiveQueue> queue_;
};

core::Result<std::optional<std::int64_t>> last_event_id(const Request& request) {
  auto query = http::QueryInput::parse(request.query);
  if (!query) return query.error();
  auto from_query = query->optional_integer("last_event_id", 0, INT64_MAX);
  if (!from_query) return from_query.error();
  if (auto s = query->finish(); !s) return s.error();
  const auto header = request.header("Last-Event-ID");
  if (header.empty()) return *from_query;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), id);
  if (ec != std::errc() || end != header.data() + header.size() || id < 0) {
    return core::Error::invalid("Last-Event-ID",
                                "must be the id of a message this stream sent (an integer)");
  }
  return std::optional<std::int64_t>(id);
}

core::Result<Response> stream(Services& services, const Request& request, RequestContext& context) {
  auto resume = last_event_id(request);
  if (!resume) return resume.error();
  const auto& user = context.user();
  auto reader = services.good_news.reader(user);
  if (!reader) return reader.error();
  auto queue = services.live.subscribe(*reader, *resume);
  if (!queue) return queue.error();
  Response response;
  response.set_header("Content-Type", "text/event-stream; charset=utf-8");
  response.stream = std::make_shared<LiveEventStream>(std::move(*queue));
  return response;
}

}  // namespace

void add_stream_routes(http::Router& router, Services& services) {
  router.add({"GET", "/api/v1/stream", http::Access::authenticated, kCompanyStaff, std::nullopt,
              with(services, stream)});
}

}  // namespace laurel::api
