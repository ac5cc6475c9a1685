package io.socialdesk.confluence.macro;

import io.socialdesk.web.calendar.CalendarView;
import io.socialdesk.web.page.CalendarPage;

/** One period the macro shows (a month of several, a week, a list): the shared view model and its page. Getters only. */
public final class MacroCalendar {
    private final CalendarView calendar;
    private final CalendarPage page;

    MacroCalendar(CalendarPage.Page rendered) {
        this.calendar = (CalendarView) rendered.context().get("calendar");
        this.page = (CalendarPage) rendered.context().get("page");
    }

    public CalendarView getCalendar() { return calendar; }
    public CalendarPage getPage() { return page; }
}
