/*
 * Pi SDK stand-in served by @pishop/pi-sandbox at <sandbox>/sdk.js. It defines window.Pi with
 * the calls a Pi app makes (init, authenticate, createPayment) and plays Pi Browser's part
 * through the sandbox's control API: it finds the sandbox from its own script URL, keeps the
 * Pioneer in localStorage, and shows a small wallet dialog. Plain ES2019, no build step.
 */
(function (window) {
  'use strict';

  var document = window.document;
  var STORAGE_KEY = 'pi-sandbox.user';
  var MAX_POLL_MS = 500;
  var base = findBaseUrl();
  var state = { initialized: false, config: {}, auth: null, onIncompletePaymentFound: null };

  // Where the sandbox lives: the URL this script was loaded from, minus "/sdk.js".
  function findBaseUrl() {
    if (window.__PI_SANDBOX_BASE_URL__) return String(window.__PI_SANDBOX_BASE_URL__).replace(/\/+$/, '');
    var src = document && document.currentScript ? document.currentScript.src : '';
    if (!src && document && document.getElementsByTagName) {
      var scripts = document.getElementsByTagName('script');
      for (var i = 0; i < scripts.length; i++) {
        if (/\/sdk\.js(\?|#|$)/.test(scripts[i].src)) src = scripts[i].src;
      }
    }
    if (!src) throw new Error('Pi sandbox SDK: cannot find its own URL; set window.__PI_SANDBOX_BASE_URL__');
    return src.split(/[?#]/)[0].replace(/\/sdk\.js$/, '');
  }

  async function call(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    var res = await window.fetch(base + path, init);
    var text = await res.text();
    var data = text ? JSON.parse(text) : null;
    if (!res.ok) throw piError(data, res.status);
    return data;
  }

  // Errors keep Pi's code and, when Pi sent one, the payment (onError's second argument).
  function piError(body, status) {
    var error = new Error((body && body.error_message) || 'Pi sandbox answered HTTP ' + status);
    error.code = body && body.error;
    error.status = status;
    if (body && body.payment) error.payment = body.payment;
    return error;
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // Developer callbacks are fire-and-forget, as in Pi: a throw must not break the payment flow.
  function invoke(fn, args) {
    if (typeof fn !== 'function') return;
    try {
      var result = fn.apply(null, args);
      if (result && typeof result.then === 'function') result.then(null, warn);
    } catch (error) {
      warn(error);
    }
  }

  function warn(error) {
    if (window.console) window.console.warn('Pi sandbox SDK: a callback failed', error);
  }

  function requireInit() {
    if (!state.initialized) {
      throw new Error('Pi Network SDK was not initialized. Call init() before any other method.');
    }
  }

  function init(config) {
    config = config || {};
    state.config = { version: String(config.version || '2.0'), sandbox: !!config.sandbox, autoConfirm: config.autoConfirm };
    state.initialized = true;
    return Promise.resolve();
  }

  function readStoredUser() {
    try {
      return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
    } catch {
      // Storage disabled or a corrupt entry: behave as a first visit.
      return null;
    }
  }

  function storeUser(user) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ uid: user.uid, username: user.username }));
    } catch (error) {
      warn(error);
    }
  }

  // The stored Pioneer gets a fresh token; a restarted sandbox has forgotten them, so make a new one.
  async function signIn(scopes) {
    var stored = readStoredUser();
    var wanted = window.__PI_SANDBOX_USERNAME__;
    if (stored && (!wanted || stored.username === wanted)) {
      try {
        return await call('POST', '/control/users/' + encodeURIComponent(stored.uid) + '/tokens', { scopes: scopes });
      } catch (error) {
        if (error.status !== 404) throw error;
      }
    }
    var body = wanted ? { username: String(wanted), scopes: scopes } : { scopes: scopes };
    var user = await call('POST', '/control/users', body);
    storeUser(user);
    return user;
  }

  // Pi grants what the app asks for; window.__PI_SANDBOX_SCOPES__ plays a Pioneer who grants less.
  function grantedScopes(requested) {
    var known = ['username', 'payments', 'wallet_address'];
    var scopes = window.__PI_SANDBOX_SCOPES__ || requested || [];
    return scopes.filter(function (scope, i) { return known.indexOf(scope) >= 0 && scopes.indexOf(scope) === i; });
  }

  async function authenticate(scopes, onIncompletePaymentFound) {
    requireInit();
    var config = await call('GET', '/control/config');
    // Outside Pi Browser the real SDK never answers; the fault plays that.
    if (config.faults && config.faults.hangAuthenticate) return new Promise(function () {});
    state.onIncompletePaymentFound = onIncompletePaymentFound;
    var user = await signIn(grantedScopes(scopes));
    var result = { accessToken: user.accessToken, user: { uid: user.uid } };
    if (user.scopes.indexOf('username') >= 0) result.user.username = user.username;
    state.auth = result;
    var found = await call('GET', '/control/users/' + encodeURIComponent(user.uid) + '/incomplete');
    if (found.payment) invoke(state.onIncompletePaymentFound, [found.payment]);
    return result;
  }

  function createPayment(paymentData, callbacks) {
    requireInit();
    var names = ['onReadyForServerApproval', 'onReadyForServerCompletion', 'onCancel', 'onError'];
    names.forEach(function (name) {
      if (!callbacks || typeof callbacks[name] !== 'function') {
        throw new Error('Pi.createPayment: missing callback ' + name);
      }
    });
    var flow = { payment: undefined };
    if (!state.auth) {
      invoke(callbacks.onError, [new Error('Pi.createPayment: call Pi.authenticate with the "payments" scope first')]);
      return;
    }
    runPayment(paymentData || {}, callbacks, flow).catch(function (error) {
      invoke(callbacks.onError, [error, error.payment || flow.payment]);
    });
  }

  async function runPayment(data, callbacks, flow) {
    var config = await call('GET', '/control/config');
    var timing = { retryMs: config.callbackRetryMs, windowMs: config.approvalTimeoutMs, faults: config.faults || {} };
    var payment = await openPayment(data);
    var id = payment.identifier;
    flow.payment = payment;

    payment = await serverStep(id, timing, isApprovedOrClosed, Infinity, function () {
      return [callbacks.onReadyForServerApproval, [id]];
    });
    flow.payment = payment;
    if (isClosed(payment)) return invoke(callbacks.onCancel, [id]);
    // The Pioneer walks away before signing: the payment stays approved without a transaction.
    if (timing.faults.abandonAfterApproval) return;

    if (!(await confirmInWallet(payment))) {
      await call('POST', '/control/payments/' + id + '/user-cancel');
      return invoke(callbacks.onCancel, [id]);
    }
    var txid = await submit(id);
    if (txid === null) return invoke(callbacks.onCancel, [id]);
    // A dropped completion callback leaves the payment incomplete, as a closed browser would.
    if (timing.faults.dropCompletionCallback) return;

    flow.payment = await serverStep(id, timing, isCompletedOrClosed, Date.now() + timing.windowMs, function () {
      return [callbacks.onReadyForServerCompletion, [id, txid]];
    });
  }

  async function openPayment(data) {
    try {
      return await call('POST', '/control/payments', {
        accessToken: state.auth.accessToken,
        amount: data.amount,
        memo: data.memo,
        metadata: data.metadata,
      });
    } catch (error) {
      // Pi hands the blocking payment to onIncompletePaymentFound, then fails this one.
      if (error.code === 'ongoing_payment_found') invoke(state.onIncompletePaymentFound, [error.payment]);
      throw error;
    }
  }

  // null when the app cancelled the payment while the wallet was open.
  async function submit(id) {
    try {
      return (await call('POST', '/control/payments/' + id + '/submit')).txid;
    } catch (error) {
      if (error.code === 'cancelled_payment') return null;
      throw error;
    }
  }

  /*
   * Calls a server-side callback, then again about every retryMs, until the payment reaches
   * the state the callback asks the app for (or is closed, or the deadline passes). Faults
   * delay each call and repeat it; late calls still arrive after the payment moved on.
   */
  async function serverStep(id, timing, isDone, deadline, callback) {
    var payment = await getPayment(id);
    var nextCall = 0;
    while (!isDone(payment) && Date.now() < deadline) {
      if (Date.now() >= nextCall) {
        scheduleCallback(callback(), timing.faults);
        nextCall = Date.now() + timing.retryMs;
      }
      await sleep(Math.min(MAX_POLL_MS, timing.retryMs));
      payment = await getPayment(id);
    }
    return payment;
  }

  function scheduleCallback(target, faults) {
    var copies = 1 + (faults.duplicateCallbacks || 0);
    for (var i = 0; i < copies; i++) {
      setTimeout(function () { invoke(target[0], target[1]); }, faults.callbackDelayMs || 0);
    }
  }

  function getPayment(id) {
    return call('GET', '/control/payments/' + encodeURIComponent(id));
  }

  function isClosed(p) {
    return p.status.cancelled || p.status.user_cancelled;
  }

  function isApprovedOrClosed(p) {
    return p.status.developer_approved || isClosed(p);
  }

  function isCompletedOrClosed(p) {
    return p.status.developer_completed || isClosed(p);
  }

  // true = sign and submit, false = the Pioneer cancels.
  function confirmInWallet(payment) {
    var auto = state.config.autoConfirm !== undefined ? state.config.autoConfirm : window.__PI_SANDBOX_AUTO_CONFIRM__;
    if (auto === true) return Promise.resolve(true);
    if (auto === 'cancel') return Promise.resolve(false);
    return showWalletDialog(payment);
  }

  function showWalletDialog(payment) {
    return new Promise(function (resolve) {
      var overlay = element('div', 'position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;' +
        'justify-content:center;background:rgba(0,0,0,.45);font-family:system-ui,sans-serif');
      overlay.setAttribute('data-pi-sandbox', 'wallet');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.setAttribute('aria-label', 'Pi Sandbox wallet');
      var box = element('div', 'background:#fff;color:#222;border-radius:12px;padding:20px 24px;min-width:260px;' +
        'max-width:90vw;box-shadow:0 8px 30px rgba(0,0,0,.3)');
      box.appendChild(element('h2', 'margin:0 0 8px;font-size:18px;color:#5b2a86', 'Pi Sandbox wallet'));
      box.appendChild(element('p', 'margin:0 0 4px', payment.memo));
      box.appendChild(element('p', 'margin:0 0 4px;font-size:26px;font-weight:600', payment.amount + ' \u03c0'));
      box.appendChild(element('p', 'margin:0 0 16px;font-size:12px;color:#666', payment.network + ' \u00b7 to ' +
        payment.to_address.slice(0, 6) + '\u2026' + payment.to_address.slice(-6)));
      var confirm = button('confirm', 'Confirm payment', '#5b2a86', '#fff');
      var cancel = button('cancel', 'Cancel', '#eee', '#222');
      function close(answer) {
        overlay.remove();
        resolve(answer);
      }
      confirm.onclick = function () { close(true); };
      cancel.onclick = function () { close(false); };
      box.appendChild(confirm);
      box.appendChild(cancel);
      overlay.appendChild(box);
      document.body.appendChild(overlay);
      confirm.focus();
    });
  }

  // textContent only: memo and amounts come from the app and must never become markup.
  function element(tag, css, text) {
    var node = document.createElement(tag);
    node.style.cssText = css;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function button(action, label, background, color) {
    var node = element('button', 'margin-right:8px;padding:8px 16px;border:0;border-radius:8px;cursor:pointer;' +
      'background:' + background + ';color:' + color, label);
    node.type = 'button';
    node.setAttribute('data-pi-sandbox', action);
    return node;
  }

  function openShareDialog(title, message) {
    if (window.console) window.console.info('Pi sandbox SDK: share dialog', title, message);
  }

  window.Pi = {
    init: init,
    authenticate: authenticate,
    createPayment: createPayment,
    openShareDialog: openShareDialog,
  };
})(window);
