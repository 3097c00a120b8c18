#!/usr/bin/env bash
# Runs the platform: PostgreSQL (installed and started if needed), the API and the Web app.
# Ctrl+C stops the API and the Web app; the database keeps running for the next run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_debian_packages curl

API_URL="${NETWORK_API_URL:-http://localhost:5100}"
WEB_URL="${NETWORK_WEB_URL:-http://localhost:5200}"

echo "==> building"
dotnet build "$ROOT/Network.sln" -c Release --nologo -v quiet

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Network="$NETWORK_DB"
export Network__WebClient__RedirectUris__0="$WEB_URL/signin-oidc"
export Network__WebClient__PostLogoutRedirectUris__0="$WEB_URL/signout-callback-oidc"
export Network__Api__BaseUrl="$API_URL/"
export Network__Oidc__Authority="$API_URL/"

mkdir -p "$LOCAL/logs"
(cd "$ROOT/src/Network.Api" && exec dotnet bin/Release/net10.0/Network.Api.dll --urls "$API_URL") > "$LOCAL/logs/api.log" 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true; kill ${WEB_PID:-} 2>/dev/null || true' EXIT INT TERM

echo "==> waiting for the API (schema and demo data are applied at start-up)"
for _ in $(seq 1 120); do
  if curl -fs "$API_URL/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $API_PID 2>/dev/null; then echo "The API stopped; see $LOCAL/logs/api.log"; tail -n 30 "$LOCAL/logs/api.log"; exit 1; fi
  sleep 1
done
curl -fs "$API_URL/health/ready" >/dev/null || { echo "The API did not become ready; see $LOCAL/logs/api.log"; exit 1; }

(cd "$ROOT/src/Network.Web" && exec dotnet bin/Release/net10.0/Network.Web.dll --urls "$WEB_URL") > "$LOCAL/logs/web.log" 2>&1 &
WEB_PID=$!
for _ in $(seq 1 60); do curl -fs "$WEB_URL/health/live" >/dev/null 2>&1 && break; sleep 1; done

cat <<MSG

Network is running.
  App (Blazor):        $WEB_URL
  API reference:       $API_URL/scalar
  OpenAPI document:    $API_URL/openapi/v1.json
  Health:              $API_URL/health/ready
  Logs:                $LOCAL/logs/

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
  beheer@network.demo       functioneel beheer: autorisatietabel

Press Ctrl+C to stop.
MSG
wait $WEB_PID
