"""Common English first names by usual gender, a general list used to guess pronoun agreement."""

from __future__ import annotations

MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    aaron adam adrian al alan albert alex alexander alfred andrew andy anthony antony arthur
    barack barry ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brett brian
    bruce bryan carl carlos charles charlie chris christopher chuck clarence cory craig curtis
    dan daniel danny darrell dave david dean dennis derek devin dick don donald doug douglas dwight
    earl ed eddie edward eric ernest eugene frank fred frederick gary gavin george gerald glenn
    gordon graham greg gregory harold harry henry howard hugh ian isaac jack jackson jacob jake
    james jamie jared jason jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john
    johnny jon jonathan jordan jose joseph josh joshua juan julian justin keith ken kenneth kevin
    kirk kyle lamar larry lawrence lee leon leonard lindsey lloyd louis luis luke marco marcus mario
    mark martin matt matthew max michael mike mitch mitchell mohammed muhammad nathan neil nicholas
    nick noah norman oliver omar orrin pat patrick paul peter phil philip ralph randy ray raymond
    reince rex richard rick rob robert roger roland ron ronald ross roy rudy russell ryan sam
    samuel scott sean sergei seth sherrod simon stephen steve steven stuart ted terry thomas tim
    timothy todd tom tommy tony travis trey troy tyler victor vladimir walter wayne will william
    willie xi zachary ahmed ali hassan ivan dmitry viktor boris emmanuel justin angus bashar
    benjamin recep narendra shinzo moon kim rodrigo nicolas pedro jair andres hamid abdul
    hakeem chuck mitt newt rand marco rudy reince stephen jeh loretta eric corey
    """.split()
)

FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """
    abigail alexandria alice alison allison amanda amy andrea angela ann anna anne annie april
    ashley barbara betsy betty beth beverly brenda brittany carly carol caroline carolyn catherine
    cathy cheryl christina christine cindy claire claudia colleen cynthia dana daniela deborah debbie
    debra denise diana diane donna doris dorothy elaine eleanor elena elise elizabeth ellen emily
    emma erin evelyn frances gina gloria grace hannah heather heidi helen hillary holly hope ilhan
    irene jacqueline jane janet janice jean jeanne jen jennifer jessica jill jo joan joanne jodi
    joni josephine joyce judith judy julia julie karen kamala kate katherine kathleen kathryn kathy
    katie kay kayleigh kelly kellyanne kim kimberly kirsten kristen kristin laura lauren linda lisa
    liz loretta lori louise lucy lynn margaret maria marie marilyn marsha martha mary maxine megan
    melania melissa michelle mia nancy natalie nicole nikki nina nora olivia pam pamela patricia
    patty paula penny rachel rebecca rhonda rita rosa rose ruth sally samantha sandra sara
    sarah sharon shirley sonia stacey stephanie susan susie suzanne sylvia tammy tara teresa
    theresa tiffany tina tulsi valerie vanessa victoria virginia wendy whitney yvonne ivanka
    chelsea huma hope sheryl condoleezza madeleine angela theresa marine ursula jacinda
    nikki sarah jeanine dianne elizabeth tammy amy kyrsten maggie kirstjen betsy elaine
    """.split()
)
