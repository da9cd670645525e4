//! What reading a form's export in would do, said in a language.

use std::path::Path;

use crate::error::Result;
use crate::intake::applications::{ApplicationField, ApplicationsPreview};
use crate::model::Lang;
use crate::store::Store;

impl Store {
    /// What reading a form's export into `scheme_id` would do, written
    /// nowhere: the columns and the fields they go to, the good rows and every
    /// fault.
    pub fn preview_applications(
        &self,
        scheme_id: &str,
        path: &Path,
        columns: Option<Vec<Option<ApplicationField>>>,
        lang: Lang,
    ) -> Result<ApplicationsPreview> {
        let deadline = self.scheme(scheme_id)?.deadline;
        let (sheet, columns, checked) = self.check_application_sheet(scheme_id, path, columns)?;
        crate::intake::applications::preview(lang, &path.display().to_string(), &sheet, &columns, checked, deadline)
    }
}
