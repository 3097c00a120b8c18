#!/usr/bin/env bash
# Runs the platform as a region runs it: PostgreSQL (installed and started if needed), Redis, two
# API instances behind nginx (round robin) on the API address, and the Web app.
# Ctrl+C stops everything this run started; the database keeps running for the next run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_debian_packages curl redis-server nginx python3-aiosmtpd

API_URL="${NETWORK_API_URL:-http://localhost:5100}"
WEB_URL="${NETWORK_WEB_URL:-http://localhost:5200}"
API_URL="${API_URL%/}"
WEB_URL="${WEB_URL%/}"
REDIS_PORT="${NETWORK_REDIS_PORT:-56379}"
SMTP_PORT="${NETWORK_SMTP_PORT:-2525}"
MAIL_DIR="$LOCAL/mail"

# nginx listens on the API address; the two instances on the next two ports, on loopback only.
api_hostport="${API_URL#*://}"
api_hostport="${api_hostport%%/*}"
API_HOST="${api_hostport%:*}"
API_PORT="${api_hostport##*:}"
[ "$API_HOST" = "$api_hostport" ] && API_PORT=80
case "${API_URL%%://*}" in
  http) ;;
  *) echo "run.sh serves the API over plain HTTP; NETWORK_API_URL must start with http://" >&2; exit 1 ;;
esac
API_1_URL="http://127.0.0.1:$((API_PORT + 1))"
API_2_URL="http://127.0.0.1:$((API_PORT + 2))"

for url in "$API_URL" "$API_1_URL" "$API_2_URL" "$WEB_URL"; do
  if curl -s -o /dev/null --max-time 2 "$url/health/live"; then
    echo "Something already answers at $url (an earlier run still going?). Stop it, or set NETWORK_API_URL / NETWORK_WEB_URL." >&2
    exit 1
  fi
done

echo "==> building"
dotnet build "$ROOT/Network.sln" -c Release --nologo -v quiet

mkdir -p "$LOCAL/logs" "$LOCAL/redis" "$LOCAL/nginx"
PIDS=()
REDIS_PID=""
REDIS_PIDFILE="$LOCAL/redis/redis.pid"
# Stops processes, waiting up to 20 seconds for them to finish their shutdown.
stop() {
  [ $# -eq 0 ] && return 0
  kill "$@" 2>/dev/null || true
  for _ in $(seq 1 20); do
    local alive=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 1
  done
  kill -KILL "$@" 2>/dev/null || true
}
stop_all() {
  trap - EXIT INT TERM
  [ ${#PIDS[@]} -eq 0 ] && [ -z "$REDIS_PID" ] && return 0
  echo
  echo "==> stopping the Web app, nginx and the API instances, then Redis"
  # Redis last: an API instance unsubscribes from the backplane as it shuts down.
  stop "${PIDS[@]}"
  stop $REDIS_PID
  rm -f "$REDIS_PIDFILE"
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

fail() { echo "$1; see $2" >&2; tail -n 30 "$2" >&2; exit 1; }

# Waits for a process's /health/ready (or /health/live for the Web app).
wait_for() {
  local url=$1 pid=$2 log=$3 name=$4
  for _ in $(seq 1 180); do
    curl -fs "$url" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || fail "$name stopped" "$log"
    sleep 1
  done
  fail "$name did not become ready" "$log"
}

# --- Redis: SignalR's backplane and the shared data protection keys (kept in memory only) -------
# Daemonized, so it is outside this script's process group: Ctrl+C reaches the API instances and
# the Web app at once, and Redis is stopped after them (stop_all), never before.
if [ -f "$REDIS_PIDFILE" ] && [ "$(cat "/proc/$(cat "$REDIS_PIDFILE")/comm" 2>/dev/null)" = redis-server ]; then
  echo "==> stopping the Redis an earlier run left behind"
  stop "$(cat "$REDIS_PIDFILE")"
fi
if [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
  echo "Another Redis answers on port $REDIS_PORT; set NETWORK_REDIS_PORT to a free port." >&2
  exit 1
fi
echo "==> starting Redis on 127.0.0.1:$REDIS_PORT"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$LOCAL/redis" \
  --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$LOCAL/logs/redis.log" \
  || fail "Redis did not start (is port $REDIS_PORT taken? set NETWORK_REDIS_PORT)" "$LOCAL/logs/redis.log"
for _ in $(seq 1 30); do
  [ -f "$REDIS_PIDFILE" ] && [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && break
  sleep 0.5
done
REDIS_PID=$(cat "$REDIS_PIDFILE" 2>/dev/null || true)
[ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] || fail "Redis did not answer on port $REDIS_PORT" "$LOCAL/logs/redis.log"

# --- the local SMTP server: every mail the platform sends lands in .local/mail, one .eml each -------
mkdir -p "$MAIL_DIR"
echo "==> starting the SMTP sink on 127.0.0.1:$SMTP_PORT (mail goes to $MAIL_DIR)"
/usr/bin/python3 "$ROOT/scripts/smtp-sink.py" --port "$SMTP_PORT" --dir "$MAIL_DIR" > "$LOCAL/logs/smtp.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || fail "The SMTP sink stopped (is port $SMTP_PORT taken? set NETWORK_SMTP_PORT)" "$LOCAL/logs/smtp.log"
  sleep 0.3
done
export Network__Mail__Host=127.0.0.1
export Network__Mail__Port="$SMTP_PORT"
export Network__Mail__Security=None

# --- two API instances ---------------------------------------------------------------------------
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Network="$NETWORK_DB"
export Network__WebClient__RedirectUris__0="$WEB_URL/signin-oidc"
export Network__WebClient__PostLogoutRedirectUris__0="$WEB_URL/signout-callback-oidc"
export Network__Redis="127.0.0.1:$REDIS_PORT"
# One folder of OpenID Connect certificates for both instances, created on the first run.
export Network__KeysPath="$LOCAL/keys"
export Network__Issuer="$API_URL/"

# The first instance applies the schema and seeds the demo region; the second starts once the
# first is ready (two instances applying the schema at the same moment could collide).
# nginx forwards the client's address and scheme (ASPNETCORE_FORWARDEDHEADERS_ENABLED).
start_api() {
  local url=$1 log=$2
  shift 2
  (cd "$ROOT/src/Network.Api" && exec env ASPNETCORE_FORWARDEDHEADERS_ENABLED=true "$@" \
    dotnet bin/Release/net10.0/Network.Api.dll --urls "$url") > "$log" 2>&1 &
  PIDS+=($!)
}
echo "==> starting API instance 1 on $API_1_URL (schema and demo data are applied at start-up)"
start_api "$API_1_URL" "$LOCAL/logs/api-1.log"
wait_for "$API_1_URL/health/ready" "${PIDS[-1]}" "$LOCAL/logs/api-1.log" "API instance 1"

echo "==> starting API instance 2 on $API_2_URL"
start_api "$API_2_URL" "$LOCAL/logs/api-2.log" Network__SeedDemo=false
wait_for "$API_2_URL/health/ready" "${PIDS[-1]}" "$LOCAL/logs/api-2.log" "API instance 2"

# --- nginx on the API address: round robin, WebSockets for the hub, forwarded headers ------------
if [ "$API_HOST" = localhost ]; then
  listen="listen 127.0.0.1:$API_PORT;"
  grep -qs ' lo$' /proc/net/if_inet6 && listen="$listen listen [::1]:$API_PORT;"
elif [ "$API_HOST" = 127.0.0.1 ]; then
  listen="listen 127.0.0.1:$API_PORT;"
else
  listen="listen $API_PORT;"
fi
cat > "$LOCAL/nginx/nginx.conf" <<CONF
# Generated by scripts/run.sh; the deployment's version is docker/nginx.conf (keep them in step).
worker_processes 1;
daemon off;
pid $LOCAL/nginx/nginx.pid;
error_log $LOCAL/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  # The path without its query: activation and reset links carry their one-time token there.
  log_format upstream '\$remote_addr [\$time_local] "\$request_method \$uri" \$status \$request_time s -> \$upstream_addr';
  access_log $LOCAL/logs/nginx-access.log upstream;
  client_body_temp_path $LOCAL/nginx/body;
  proxy_temp_path $LOCAL/nginx/proxy;
  fastcgi_temp_path $LOCAL/nginx/fastcgi;
  uwsgi_temp_path $LOCAL/nginx/uwsgi;
  scgi_temp_path $LOCAL/nginx/scgi;

  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  map \$http_x_forwarded_proto \$forwarded_proto { default \$http_x_forwarded_proto; '' \$scheme; }

  # Round robin (nginx's default): any request may land on either instance.
  upstream network_api {
    server ${API_1_URL#http://};
    server ${API_2_URL#http://};
    keepalive 32;
  }

  server {
    $listen
    client_max_body_size 25m;
    proxy_http_version 1.1;

    # (nginx inherits proxy_set_header only into a location that sets none itself: each sets all.)
    location / {
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$forwarded_proto;
      proxy_set_header Connection "";
      proxy_pass http://network_api;
    }

    # SignalR: one WebSocket stays on the instance it reached; the backplane brings it every push.
    location /hubs/ {
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$forwarded_proto;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
      proxy_buffering off;
      proxy_pass http://network_api;
    }
  }
}
CONF
echo "==> starting nginx on $API_URL (round robin over both instances)"
nginx -e "$LOCAL/logs/nginx-error.log" -p "$LOCAL/nginx" -c "$LOCAL/nginx/nginx.conf" > "$LOCAL/logs/nginx.log" 2>&1 &
PIDS+=($!)
wait_for "$API_URL/health/ready" "${PIDS[-1]}" "$LOCAL/logs/nginx-error.log" "nginx"

# --- the Web app, talking to the API through nginx ------------------------------------------------
export Network__Api__BaseUrl="$API_URL/"
export Network__Oidc__Authority="$API_URL/"
echo "==> starting the Web app on $WEB_URL"
(cd "$ROOT/src/Network.Web" && exec dotnet bin/Release/net10.0/Network.Web.dll --urls "$WEB_URL") > "$LOCAL/logs/web.log" 2>&1 &
PIDS+=($!)
WEB_PID=${PIDS[-1]}
wait_for "$WEB_URL/health/live" "$WEB_PID" "$LOCAL/logs/web.log" "The Web app"

cat <<MSG

Network is running.
  App (Blazor):        $WEB_URL
  API (nginx):         $API_URL  round robin over $API_1_URL and $API_2_URL
  API reference:       $API_URL/scalar
  OpenAPI document:    $API_URL/openapi/v1.json
  Health:              $API_URL/health/ready
  Redis:               127.0.0.1:$REDIS_PORT  (SignalR backplane, data protection keys)
  Mail (SMTP sink):    127.0.0.1:$SMTP_PORT, every message as a .eml file in $MAIL_DIR
                       newest: ls -t $MAIL_DIR/*.eml | head -1 | xargs cat
  Logs:                $LOCAL/logs/
                       api-1.log, api-2.log, web.log, nginx-access.log (which instance served what),
                       nginx-error.log, redis.log

Demo logins (password for all: Netwerk-demo-2026):
  fatima@buurtteam.demo     buurtteam (regisseur), gezinnen Jansen en Bos
  jeroen@debrug.demo        jeugdhulp, gezin Jansen
  sanne.jansen@gezin.demo   ouder, gezin Jansen
  noor.jansen@gezin.demo    jongere (14), gezin Jansen
  riet.jansen@gezin.demo    oma, netwerklid van gezin Jansen (ziet alleen haar acties in het plan)
  mark.deboer@gezin.demo    ouder, nog in geen gezin
  peter@samenveilig.demo    jeugdbeschermer (GI), gezinnen Yılmaz en Bos
  rik@samenveilig.demo      jeugdreclasseerder (GI), gezin Bos
  anouk@raad.demo           Raad voor de Kinderbescherming, gezin Bos
  sophie@jgz.demo           jeugdarts (JGZ), gezin Bos
  linda.bos@gezin.demo      moeder met gezag, gezin Bos (kees.bos@ zonder gezag, eva.bos@ 16 jaar)
  beheer@network.demo       functioneel beheer: autorisatietabel, organisaties, accounts
New accounts (README, "Accounts in a minute"): invite on a family page or create at /beheer/accounts;
the activation link arrives in $MAIL_DIR.

Press Ctrl+C to stop.
MSG
# Returns when any of the processes ends (or on Ctrl+C); the EXIT trap stops the others.
wait -n "${PIDS[@]}" || true
echo "A process of the platform stopped; see $LOCAL/logs/" >&2
exit 1
