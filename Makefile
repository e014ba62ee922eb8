# Loupe's build. `make run` builds and serves with demo data; `make test`
# runs every test. Settings such as DATABASE_URL and LISTEN_ADDR pass through
# from the environment to the loupe commands.

GO ?= go
BIN := bin/loupe
WASM := web/app.wasm

.PHONY: all build wasm server run test vet clean

all: build

build: wasm server

# The web app: the app/ packages compiled to WebAssembly.
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o $(WASM) ./app/wasm

# The server binary. Its version is the git commit plus a hash of every file
# under web/, so that a change to the app, its styles or its icons makes a
# new version and every start of one build reports the same one.
server: wasm
	@commit=$$(git rev-parse --short=12 HEAD 2>/dev/null || echo nogit); \
	webhash=$$(find web -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-12); \
	echo "$(GO) build -o $(BIN) ./server/cmd/loupe (version $$commit-$$webhash)"; \
	$(GO) build -trimpath -ldflags "-X main.version=$$commit-$$webhash" -o $(BIN) ./server/cmd/loupe

# Build, migrate, load demo data into an empty database, then serve.
run: build
	$(BIN) migrate
	$(BIN) demo --if-empty
	$(BIN) serve

vet:
	$(GO) vet ./...

# Every test, the browser tests of server/e2e included. It installs nothing:
# without Chromium or axe-core those tests skip, or fail with
# REQUIRE_BROWSER=1, as .ci/run sets it.
test: wasm vet
	$(GO) test -count=1 ./...

clean:
	rm -rf bin $(WASM)
