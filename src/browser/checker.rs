//! The page's side of the response checker's web worker (`src/bin/checker.rs`, which documents
//! the messages). One worker serves the whole visit: it starts the first time `#check` opens,
//! and later visits to the view find it loaded.

use crate::check::{wire, Report};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::js_sys::Array;
use web_sys::{MessageEvent, Worker};

/// The worker's script, beside `index.html` (`assets/checker-worker.js`). It loads what Trunk
/// builds from the `checker` binary, `checker.js` and `checker_bg.wasm`: worker files keep their
/// names, since the page must know them, and the service worker's versioned cache keeps builds
/// apart.
pub const WORKER_FILE: &str = "checker-worker.js";

/// What the worker said about the latest paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The worker is still loading: the paste is checked once it is in.
    Loading,
    Report(Report),
    /// The worker could not be loaded, or its answer could not be read.
    Failed,
}

type Listener = Rc<dyn Fn(Answer)>;

/// Names the view that listens, so that a view going away stops only its own listening, not
/// that of the view that replaced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listening(u32);

struct State {
    worker: Worker,
    ready: bool,
    failed: bool,
    /// The latest request, held until the worker is ready.
    waiting: Option<Array>,
    /// The id of the latest request: answers to earlier ones are stale.
    latest: u32,
    listener: Option<Listener>,
    /// Which view the listener is.
    listening: Listening,
}

thread_local! {
    static STATE: RefCell<Option<Rc<RefCell<State>>>> = const { RefCell::new(None) };
    static LISTENERS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Starts the worker if this visit has not, and sends its answers to `listener` (in place of
/// any earlier listener) until [`stop_listening`]. `listener` hears `Failed` at once if the
/// worker cannot be created or has failed already.
pub fn listen(listener: impl Fn(Answer) + 'static) -> Listening {
    let listener: Listener = Rc::new(listener);
    let listening = Listening(LISTENERS.with(|count| {
        count.set(count.get().wrapping_add(1));
        count.get()
    }));
    let Some(state) = state() else {
        listener(Answer::Failed);
        return listening;
    };
    let failed = {
        let mut state = state.borrow_mut();
        state.listener = Some(listener.clone());
        state.listening = listening;
        state.failed
    };
    if failed {
        listener(Answer::Failed);
    }
    listening
}

/// Stops sending answers to the view that `listening` names (it is gone), if it is still the
/// one that listens.
pub fn stop_listening(listening: Listening) {
    if let Some(state) = STATE.with(|cell| cell.borrow().clone()) {
        let mut state = state.borrow_mut();
        if state.listening == listening {
            state.listener = None;
        }
    }
}

/// Asks the worker to check `text`, given `status` for a header block without a status line.
/// The answer goes to the listener; an answer to an earlier request that arrives later is
/// dropped. While the worker loads, only the latest request is kept, and the listener hears
/// `Loading`.
pub fn check(text: &str, status: Option<u32>) {
    let Some(state) = state() else {
        return;
    };
    let (request, ready, listener) = {
        let mut state = state.borrow_mut();
        state.latest = state.latest.wrapping_add(1);
        let status = status.map_or(JsValue::NULL, JsValue::from);
        let request = Array::of3(&JsValue::from(state.latest), &JsValue::from(text), &status);
        if !state.ready {
            state.waiting = Some(request.clone());
        }
        (request, state.ready, state.listener.clone())
    };
    if ready {
        let worker = state.borrow().worker.clone();
        if worker.post_message(&request).is_err() {
            fail(&state);
        }
    } else if let Some(listener) = listener {
        if !state.borrow().failed {
            listener(Answer::Loading);
        }
    }
}

/// The visit's worker, started on first use; `None` when the browser cannot start it.
fn state() -> Option<Rc<RefCell<State>>> {
    if let Some(state) = STATE.with(|cell| cell.borrow().clone()) {
        return Some(state);
    }
    let worker = Worker::new(WORKER_FILE).ok()?;
    let state = Rc::new(RefCell::new(State {
        worker: worker.clone(),
        ready: false,
        failed: false,
        waiting: None,
        latest: 0,
        listener: None,
        listening: Listening(0),
    }));
    let on_message = {
        let state = state.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            receive(&state, &event.data());
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A script that cannot be fetched, a module that does not compile, a trap while checking.
    let on_error = {
        let state = state.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            // Handled here: the page says the checker failed, so it is not an uncaught error.
            event.prevent_default();
            fail(&state);
        })
    };
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    STATE.with(|cell| *cell.borrow_mut() = Some(state.clone()));
    Some(state)
}

fn receive(state: &Rc<RefCell<State>>, data: &JsValue) {
    let said = data.as_string();
    if said.as_deref() == Some("failed") {
        fail(state);
        return;
    }
    if said.as_deref() == Some("ready") {
        let (worker, waiting) = {
            let mut state = state.borrow_mut();
            state.ready = true;
            (state.worker.clone(), state.waiting.take())
        };
        if let Some(request) = waiting {
            if worker.post_message(&request).is_err() {
                fail(state);
            }
        }
        return;
    }
    let Ok(reply) = data.clone().dyn_into::<Array>() else {
        return;
    };
    let (latest, listener) = {
        let state = state.borrow();
        (state.latest, state.listener.clone())
    };
    if reply.get(0).as_f64() != Some(f64::from(latest)) {
        return;
    }
    let answer = reply
        .get(1)
        .as_string()
        .and_then(|text| wire::decode(&text))
        .map_or(Answer::Failed, Answer::Report);
    if let Some(listener) = listener {
        listener(answer);
    }
}

fn fail(state: &Rc<RefCell<State>>) {
    let listener = {
        let mut state = state.borrow_mut();
        state.failed = true;
        state.listener.clone()
    };
    if let Some(listener) = listener {
        listener(Answer::Failed);
    }
}
