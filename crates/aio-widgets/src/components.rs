//! The widgets' yew components (the timeline lab's, the code widget's and the comparison lab's), one per file: data goes down as props, changes come up as `on…`
//! callbacks to [`timeline_lab::TimelineLab`], which owns the state.

pub mod asyncio_example;
pub mod code_editor;
pub mod compare_field;
pub mod compare_lab;
pub mod compare_model;
pub mod example_output;
pub mod example_status;
pub mod example_timeline;
pub mod predict_form;
pub mod predict_verdict;
pub mod scrub_handle;
pub mod stepper;
pub mod strategy_panel;
pub mod task_editor;
pub mod timeline;
pub mod timeline_lab;
pub mod timing_table;
pub mod view_picker;
pub mod widget_root;
