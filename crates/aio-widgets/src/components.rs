//! The lab's yew components, one per file: data goes down as props, changes come up as `on…`
//! callbacks to [`timeline_lab::TimelineLab`], which owns the state.

pub mod strategy_panel;
pub mod task_editor;
pub mod timeline;
pub mod timeline_lab;
pub mod timing_table;
pub mod view_picker;
